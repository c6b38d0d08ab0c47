package dev.grantex.scim.error;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * The base type of every exception the Grantex SCIM client throws (bad arguments aside, which are
 * {@link IllegalArgumentException}s raised before anything is sent).
 */
public abstract class ScimException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong and, where it helps, what to change
	 * @param cause the underlying cause, or {@code null}
	 */
	protected ScimException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
