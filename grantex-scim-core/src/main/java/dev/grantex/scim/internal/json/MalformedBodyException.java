package dev.grantex.scim.internal.json;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * A body that does not hold what the operation returns; turned into a
 * {@link dev.grantex.scim.error.ScimProtocolException} with the request's context. Its
 * message names members and expectations, never the body's text.
 */
public final class MalformedBodyException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Whether reading the answer again could succeed (it may have been cut short). */
	private final boolean transientFailure;

	MalformedBodyException(String message) {
		this(message, null);
	}

	MalformedBodyException(String message, @Nullable Throwable cause) {
		this(message, cause, true);
	}

	private MalformedBodyException(String message, @Nullable Throwable cause, boolean transientFailure) {
		super(message, cause);
		this.transientFailure = transientFailure;
	}

	/**
	 * A body refused for what it is, which asking again would not change.
	 * @param message what is wrong
	 * @return the exception
	 */
	static MalformedBodyException refused(String message) {
		return new MalformedBodyException(message, null, false);
	}

	/**
	 * Whether reading the answer again could succeed.
	 * @return {@code false} for a body refused for what it is
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

}
