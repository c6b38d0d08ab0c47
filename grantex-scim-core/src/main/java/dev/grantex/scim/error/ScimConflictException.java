package dev.grantex.scim.error;

import java.io.Serial;

/**
 * The server refused a change because it conflicts with existing data (409). Grantex
 * itself answers a duplicate {@code userName} with 500 instead; see
 * {@link ScimServerException#likelyDuplicateUserName()}.
 */
public class ScimConflictException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered
	 */
	public ScimConflictException(String message, ScimErrorResponse response) {
		super(message, response);
	}

}
