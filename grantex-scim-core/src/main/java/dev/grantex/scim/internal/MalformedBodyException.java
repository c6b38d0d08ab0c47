package dev.grantex.scim.internal;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * A success body that does not hold what the operation returns; turned into a
 * {@link dev.grantex.scim.error.ScimProtocolException} with the request's context.
 */
final class MalformedBodyException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	MalformedBodyException(String message) {
		this(message, null);
	}

	MalformedBodyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
