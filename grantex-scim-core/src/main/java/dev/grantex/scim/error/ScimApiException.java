package dev.grantex.scim.error;

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.model.RateLimit;

/**
 * Grantex answered with an error status. Subtypes name the common cases; this type itself
 * is thrown for statuses none of them covers.
 */
public class ScimApiException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What the server answered. */
	private final ScimErrorResponse response;

	/**
	 * Creates an exception for an error response.
	 * @param message the message
	 * @param response what the server answered
	 */
	public ScimApiException(String message, ScimErrorResponse response) {
		super(message, null);
		this.response = response;
	}

	/**
	 * What the server answered.
	 * @return the error response
	 */
	public ScimErrorResponse response() {
		return this.response;
	}

	/**
	 * The HTTP status code.
	 * @return the status
	 */
	public int statusCode() {
		return this.response.status();
	}

	/**
	 * Grantex's error code, e.g. {@code BAD_REQUEST} or {@code RATE_LIMIT_EXCEEDED}.
	 * @return the code, or {@code null}
	 */
	public @Nullable String errorCode() {
		return this.response.code();
	}

	/**
	 * The SCIM {@code scimType}, e.g. {@code invalidValue}.
	 * @return the SCIM type, or {@code null}
	 */
	public @Nullable String scimType() {
		return this.response.scimType();
	}

	/**
	 * The server's own explanation: the SCIM {@code detail}, else its {@code message}.
	 * @return the explanation, or {@code null}
	 */
	public @Nullable String serverMessage() {
		return this.response.explanation();
	}

	/**
	 * The request id Grantex put in the body, to quote to its support.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.response.requestId();
	}

	/**
	 * The rate-limit headers of the response.
	 * @return the rate limit, or {@code null}
	 */
	public @Nullable RateLimit rateLimit() {
		return this.response.rateLimit();
	}

	/**
	 * {@link ScimFailureCategory#SERVER_ERROR} for a 5xx, else
	 * {@link ScimFailureCategory#CLIENT_ERROR}.
	 */
	@Override
	public ScimFailureCategory category() {
		return (statusCode() >= 500) ? ScimFailureCategory.SERVER_ERROR : ScimFailureCategory.CLIENT_ERROR;
	}

	/**
	 * {@code true} for a 5xx, after which the server may have done the work; a 4xx is
	 * refused before anything is done.
	 */
	@Override
	public boolean requestMayHaveBeenProcessed() {
		return statusCode() >= 500;
	}

	/**
	 * {@link ScimRetryReason#SERVER_UNAVAILABLE} for 502, 503 and 504; a 500 and other
	 * statuses fail the same way again.
	 */
	@Override
	public @Nullable ScimRetryReason retryReason() {
		int status = statusCode();
		return (status == 502 || status == 503 || status == 504) ? ScimRetryReason.SERVER_UNAVAILABLE : null;
	}

	@Override
	public @Nullable Duration retryAfter() {
		return this.response.retryAfter();
	}

	@Override
	public String summary() {
		String explanation = this.response.explanation();
		return statusCode() + ((explanation != null) ? " " + abbreviate(explanation) : "");
	}

	private static String abbreviate(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 80) + "…";
	}

}
