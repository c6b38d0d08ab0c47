package dev.grantex.scim.model;

import java.io.Serial;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The rate-limit state Grantex reported on one response ({@code x-ratelimit-*} and
 * {@code retry-after}).
 *
 * <p>
 * Grantex limits every route per IP address, and the API-key routes also per developer
 * plan; the headers describe whichever limit applied to that request.
 *
 * @param limit requests allowed in the current window
 * @param remaining requests left in the current window
 * @param resetAfter time until the window resets, from when the response was received
 * @param retryAfter how long the server asked to wait before retrying, or {@code null}
 * when it did not ask
 * @param observedAt when the response carrying these values was received
 * @serial exclude
 */
public record RateLimit(long limit, long remaining, Duration resetAfter, @Nullable Duration retryAfter,
		Instant observedAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * When the current window resets.
	 * @return the reset instant; {@link Instant#MAX} for a reset too far away to name
	 */
	public Instant resetAt() {
		try {
			return this.observedAt.plus(this.resetAfter);
		}
		catch (ArithmeticException | DateTimeException ex) {
			return Instant.MAX;
		}
	}

}
