package dev.grantex.scim.error;

import java.io.Serial;

/**
 * The resource does not exist (404): an unknown or deleted id, another developer's id, or
 * a route the server does not have (then check the base URL).
 */
public class ScimNotFoundException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered
	 */
	public ScimNotFoundException(String message, ScimErrorResponse response) {
		super(message, response);
	}

}
