package dev.grantex.scim.error;

import java.io.Serial;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The base type of every exception the Grantex SCIM client throws (bad arguments aside,
 * which are {@link IllegalArgumentException}s raised before anything is sent).
 *
 * <p>
 * When an operation failed after retries, the exception thrown is the last attempt's, its
 * message ends with the history of every attempt, {@link #attempts()} counts them, and
 * the earlier attempts' exceptions are {@linkplain #getSuppressed() suppressed} by it.
 */
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
