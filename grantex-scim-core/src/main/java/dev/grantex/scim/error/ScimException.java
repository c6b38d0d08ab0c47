package dev.grantex.scim.error;

import java.io.Serial;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The base type of every exception the Grantex SCIM client throws (bad arguments aside,
 * which are {@link IllegalArgumentException}s raised before anything is sent).
 *
 * <p>
 * Each exception classifies itself, once, for everything that reads it (the retry policy,
 * metrics, health and messages): its {@link #category() category}, whether the request
 * {@link #requestMayHaveBeenProcessed() may have been processed}, and whether and when
 * sending it again {@link #retryReason() could succeed}.
 *
 * <p>
 * When an operation failed after retries, the exception thrown is the last attempt's, its
 * message ends with the history of every attempt, {@link #attempts()} counts them, and
 * the earlier attempts' exceptions are {@linkplain #getSuppressed() suppressed} by it.
 */
@SuppressWarnings("checkstyle:MutableException") // the retry policy records the attempts
													// on the last one
public abstract class ScimException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** How many attempts the operation made. */
	private int attempts = 1;

	/**
	 * Why each attempt failed, in order; {@code null} when the operation was not retried.
	 */
	private @Nullable String attemptHistory;

	/**
	 * Creates an exception.
	 * @param message what went wrong and, where it helps, what to change
	 * @param cause the underlying cause, or {@code null}
	 */
	protected ScimException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * What kind of failure this is, as metrics and health report it.
	 * @return the category
	 */
	public abstract ScimFailureCategory category();

	/**
	 * Whether the request can have reached the server and been acted on, so that
	 * repeating a request that is not idempotent risks doing it twice.
	 * @return {@code false} only when the server provably did nothing
	 */
	public abstract boolean requestMayHaveBeenProcessed();

	/**
	 * Why sending the same request again could succeed.
	 * @return the reason, or {@code null} when it would fail the same way
	 */
	public @Nullable ScimRetryReason retryReason() {
		return null;
	}

	/**
	 * How long the server asked to wait before sending the request again.
	 * @return the wait, or {@code null} when the server did not say
	 */
	public @Nullable Duration retryAfter() {
		return null;
	}

	/**
	 * A few words on this failure for the history of an operation's attempts, e.g.
	 * {@code 503} or {@code connection reset}; never more than a hundred or so
	 * characters.
	 * @return the summary
	 */
	public abstract String summary();

	/**
	 * How many attempts the operation made before giving up.
	 * @return the number of attempts, 1 when it was not retried
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * Records that this exception ends an operation that made several attempts. Called by
	 * the client's retry support, which also adds the earlier attempts' exceptions as
	 * suppressed.
	 * @param attempts how many attempts were made
	 * @param history why each attempt failed, in order
	 */
	public void recordAttempts(int attempts, String history) {
		this.attempts = attempts;
		this.attemptHistory = history;
	}

	@Override
	public String getMessage() {
		// never null: every constructor takes a message
		String message = Objects.requireNonNullElse(super.getMessage(), "");
		return (this.attemptHistory != null)
				? message + " Gave up after " + this.attempts + " attempts: " + this.attemptHistory + "." : message;
	}

}
