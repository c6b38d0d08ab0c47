package dev.grantex.scim.error;

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Grantex refused the request because a rate limit was exceeded (429). The server
 * processed nothing, so the same request may be sent again after {@link #retryAfter()}.
 */
public class ScimRateLimitException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** How long the server asked to wait, if it said. */
	private final @Nullable Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered
	 * @param retryAfter how long the server asked to wait, or {@code null} when it did
	 * not say
	 */
	public ScimRateLimitException(String message, ScimErrorResponse response, @Nullable Duration retryAfter) {
		super(message, response);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked to wait before trying again.
	 * @return the wait, or {@code null} when the response did not say
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
