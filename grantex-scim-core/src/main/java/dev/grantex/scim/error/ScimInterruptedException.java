package dev.grantex.scim.error;

import java.io.Serial;

/**
 * The calling thread was interrupted while the client waited to retry, so it stopped
 * retrying. The thread's interrupt flag is left set; the cause is the failure that was
 * about to be retried.
 */
public class ScimInterruptedException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param cause the failure that was about to be retried
	 */
	public ScimInterruptedException(String message, Throwable cause) {
		super(message, cause);
	}

}
