package dev.grantex.scim.error;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Grantex answered with a success status, but the body could not be read as what the
 * operation returns (empty, cut short, not JSON, or missing a required member such as
 * {@code id}).
 */
public class ScimProtocolException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The HTTP status of the unreadable answer. */
	private final int statusCode;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param statusCode the HTTP status of the unreadable answer
	 * @param cause the parse failure, or {@code null}
	 */
	public ScimProtocolException(String message, int statusCode, @Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
	}

	/**
	 * The HTTP status of the unreadable answer.
	 * @return the status
	 */
	public int statusCode() {
		return this.statusCode;
	}

}
