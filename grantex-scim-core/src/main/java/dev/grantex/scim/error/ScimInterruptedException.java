package dev.grantex.scim.error;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * The calling thread was interrupted while the client waited to send or to retry, so it
 * stopped. The thread's interrupt flag is left set; the cause is the failure that was
 * about to be retried, if any, and this exception classifies itself as that failure.
 */
public class ScimInterruptedException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param cause the failure that was about to be retried, or {@code null} when the
	 * wait was for the rate limit
	 */
	public ScimInterruptedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public ScimFailureCategory category() {
		return (getCause() instanceof ScimException failure) ? failure.category() : ScimFailureCategory.CLIENT_ERROR;
	}

	@Override
	public boolean requestMayHaveBeenProcessed() {
		return getCause() instanceof ScimException failure && failure.requestMayHaveBeenProcessed();
	}

	@Override
	public String summary() {
		return "interrupted";
	}

}
