package dev.grantex.scim.error;

import java.io.Serial;

import dev.grantex.scim.model.ScimCredential;

/**
 * The operation needs a credential the client was not given; nothing was sent. The
 * message says how to supply it.
 */
public class ScimMissingCredentialException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The credential that the operation needs and the client lacks. */
	private final ScimCredential credential;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param credential the credential that is missing
	 */
	public ScimMissingCredentialException(String message, ScimCredential credential) {
		super(message, null);
		this.credential = credential;
	}

	/**
	 * The credential that is missing.
	 * @return the credential
	 */
	public ScimCredential credential() {
		return this.credential;
	}

	@Override
	public ScimFailureCategory category() {
		return ScimFailureCategory.CLIENT_ERROR;
	}

	@Override
	public boolean requestMayHaveBeenProcessed() {
		return false;
	}

	@Override
	public String summary() {
		return "no " + this.credential.displayName() + " configured";
	}

}
