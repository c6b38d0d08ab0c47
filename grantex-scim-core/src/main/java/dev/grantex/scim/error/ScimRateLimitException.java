package dev.grantex.scim.error;

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A Grantex rate limit refused the request (429); the server processed nothing, so the
 * same request may be sent again after {@link #retryAfter()}.
 *
 * <p>
 * The client also throws it without sending anything when the budget Grantex announced in
 * its rate-limit headers would make the request wait longer than the operation's deadline
 * allows: then {@link #sent()} is {@code false}, {@link #statusCode()} is 429, and
 * {@link #retryAfter()} is when the budget allows the request.
 */
public class ScimRateLimitException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** How long the server asked to wait, if it said. */
	private final @Nullable Duration retryAfter;

	/** Whether the request was sent and refused, rather than held back by the client. */
	private final boolean sent;

	/**
	 * Creates the exception for a 429 the server answered.
	 * @param message the message
	 * @param response what the server answered
	 * @param retryAfter how long the server asked to wait, or {@code null} when it did
	 * not say
	 */
	public ScimRateLimitException(String message, ScimErrorResponse response, @Nullable Duration retryAfter) {
		this(message, response, retryAfter, true);
	}

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered, or, for a request held back, a 429 that
	 * describes the announced budget
	 * @param retryAfter how long to wait, or {@code null} when the server did not say
	 * @param sent whether the request was sent, rather than held back by the client
	 */
	public ScimRateLimitException(String message, ScimErrorResponse response, @Nullable Duration retryAfter,
			boolean sent) {
		super(message, response);
		this.retryAfter = retryAfter;
		this.sent = sent;
	}

	/**
	 * How long to wait before trying again.
	 * @return the wait, or {@code null} when the response did not say
	 */
	@Override
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether the request was sent and refused by Grantex, rather than held back by the
	 * client because the announced budget would not allow it before the deadline.
	 * @return {@code true} for a 429 from the server
	 */
	public boolean sent() {
		return this.sent;
	}

	@Override
	public ScimFailureCategory category() {
		return ScimFailureCategory.RATE_LIMITED;
	}

	@Override
	public boolean requestMayHaveBeenProcessed() {
		return false;
	}

	@Override
	public ScimRetryReason retryReason() {
		return ScimRetryReason.RATE_LIMITED;
	}

	@Override
	public String summary() {
		String wait = (this.retryAfter != null) ? " (retry after " + this.retryAfter.toSeconds() + "s)" : "";
		return (this.sent ? "429" : "held back by the announced rate limit") + wait;
	}

}
