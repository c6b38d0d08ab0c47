package dev.grantex.scim.error;

import java.io.Serial;

/**
 * Grantex failed with a server error (5xx). Its 5xx bodies carry no details beyond a
 * request id.
 *
 * <p>
 * Grantex also answers 500, not 409, when a create, replace or rename would give a user
 * the {@code userName} of another user of the same developer;
 * {@link #likelyDuplicateUserName()} is {@code true} for a 500 that follows such a
 * request.
 */
public class ScimServerException extends ScimApiException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Whether the error is most likely a duplicate {@code userName}. */
	private final boolean likelyDuplicateUserName;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param response what the server answered
	 * @param likelyDuplicateUserName whether the failed request set a {@code userName}
	 * and the status was 500
	 */
	public ScimServerException(String message, ScimErrorResponse response, boolean likelyDuplicateUserName) {
		super(message, response);
		this.likelyDuplicateUserName = likelyDuplicateUserName;
	}

	/**
	 * Whether this 500 most likely means the {@code userName} sent is already taken,
	 * which is how Grantex reports that conflict.
	 * @return {@code true} for a 500 after a request that set a {@code userName}
	 */
	public boolean likelyDuplicateUserName() {
		return this.likelyDuplicateUserName;
	}

}
