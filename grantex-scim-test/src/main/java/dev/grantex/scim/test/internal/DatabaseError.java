package dev.grantex.scim.test.internal;

/**
 * What the real server's PostgreSQL would refuse (unique {@code userName} violated,
 * {@code NULL} in a not-null column, an index row too large, a NUL character in text).
 * The real server does not catch these, so each surfaces as a 500 {@code INTERNAL_ERROR}.
 */
final class DatabaseError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DatabaseError(String message) {
		super(message, null, false, false);
	}

}
