package dev.grantex.scim.error;

import java.io.Serial;

import dev.grantex.scim.model.ScimCredential;

/**
 * Grantex refused the credential sent (401 or 403). The message says which credential was
 * refused and how to supply the right one: the developer API key works only on
 * {@code /v1/scim/tokens}, a SCIM token only on {@code /scim/v2}.
 */
public class ScimAuthenticationException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The credential that the server refused. */
	private final ScimCredential credential;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered
	 * @param credential the credential that was sent and refused
	 */
	public ScimAuthenticationException(String message, ScimErrorResponse response, ScimCredential credential) {
		super(message, response);
		this.credential = credential;
	}

	/**
	 * The credential that was sent and refused.
	 * @return the credential
	 */
	public ScimCredential credential() {
		return this.credential;
	}

}
