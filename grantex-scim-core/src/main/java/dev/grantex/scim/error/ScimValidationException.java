package dev.grantex.scim.error;

import java.io.Serial;

/**
 * The server refused the request as malformed (400), with a method it does not allow
 * (405), too large (413), of the wrong media type (415) or unprocessable (422). Repeating
 * it unchanged fails again.
 */
public class ScimValidationException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered
	 */
	public ScimValidationException(String message, ScimErrorResponse response) {
		super(message, response);
	}

}
