package dev.grantex.scim.error;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.model.RateLimit;

/**
 * What an error response from Grantex said, read from whichever of its shapes it came in:
 * SCIM ({@code detail}, {@code scimType}, {@code status}), Grantex ({@code message},
 * {@code code}, {@code requestId}) or the framework's ({@code message}, {@code error},
 * {@code statusCode}).
 *
 * <p>
 * Every text here comes from the server, which may be hostile or misconfigured: each has
 * had the client's credentials removed (also in part), control characters escaped, and
 * its length capped, in that order, before it was stored.
 *
 * @param status the HTTP status code
 * @param request the request that failed, as method and URI template, e.g. {@code GET
 * /scim/v2/Users/{id}}
 * @param code Grantex's error code (e.g. {@code BAD_REQUEST}), or the framework's
 * {@code error}, or {@code null}
 * @param message Grantex's or the framework's {@code message}, or {@code null}
 * @param scimType the SCIM {@code scimType} (e.g. {@code noTarget}), or {@code null}
 * @param detail the SCIM {@code detail}, or {@code null}
 * @param requestId the request id from a Grantex-shaped body, or {@code null}; quote it
 * to Grantex support
 * @param rateLimit the rate-limit headers of the response, or {@code null} when it had
 * none
 * @param retryAfter the wait a {@code retry-after} header asked for, or {@code null} when
 * there was none
 * @param body the start of the response body as text (at most 4,096 characters); empty
 * when there was none
 * @serial exclude
 */
public record ScimErrorResponse(int status, String request, @Nullable String code, @Nullable String message,
		@Nullable String scimType, @Nullable String detail, @Nullable String requestId, @Nullable RateLimit rateLimit,
		@Nullable Duration retryAfter, String body) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The most specific text the server gave: the SCIM {@code detail}, else the
	 * {@code message}.
	 * @return the server's explanation, or {@code null} when the body had none
	 */
	public @Nullable String explanation() {
		return (this.detail != null) ? this.detail : this.message;
	}

}
