package dev.grantex.scim.model;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One SCIM PATCH operation ({@code op}, {@code path}, {@code value}).
 *
 * <p>
 * Grantex applies only {@code add} and {@code replace} on {@code active},
 * {@code userName} and {@code displayName} (with that path, or without a path and a value
 * object of those keys), and answers 200 while ignoring anything else. The client
 * therefore refuses other operations before sending them unless its patch check is turned
 * off; use {@code replaceUser} to change other attributes.
 *
 * @param op the operation
 * @param path the attribute path, or {@code null} when {@code value} is an object of
 * attributes
 * @param value the value: a {@code String}, {@code Boolean}, {@code Number}, {@code Map}
 * or {@code List}, or {@code null}
 */
public record PatchOperation(Op op, @Nullable String path, @Nullable Object value) {

	/**
	 * Creates an operation.
	 * @param op the operation
	 * @param path the path, or {@code null}
	 * @param value the value, or {@code null}
	 * @throws IllegalArgumentException if {@code op} is null or {@code path} is blank
	 */
	public PatchOperation {
		if (op == null) {
			throw new IllegalArgumentException("op must not be null");
		}
		if (path != null && path.isBlank()) {
			throw new IllegalArgumentException("path must not be blank; use null for a path-less operation");
		}
	}

	/**
	 * Replaces the attribute at {@code path}.
	 * @param path the attribute, e.g. {@code active}
	 * @param value the new value
	 * @return the operation
	 */
	public static PatchOperation replace(String path, @Nullable Object value) {
		return new PatchOperation(Op.REPLACE, requirePath(path), value);
	}

	/**
	 * Replaces several attributes at once (a path-less operation with a value object).
	 * @param attributes the attributes and their new values
	 * @return the operation
	 */
	public static PatchOperation replace(Map<String, ?> attributes) {
		return new PatchOperation(Op.REPLACE, null, Map.copyOf(attributes));
	}

	/**
	 * Adds a value at {@code path} (for a single-valued attribute, the same as replace).
	 * @param path the attribute
	 * @param value the value
	 * @return the operation
	 */
	public static PatchOperation add(String path, @Nullable Object value) {
		return new PatchOperation(Op.ADD, requirePath(path), value);
	}

	/**
	 * Removes the attribute at {@code path}. Grantex ignores removals; this exists for
	 * servers that support them, with the client's patch check turned off.
	 * @param path the attribute
	 * @return the operation
	 */
	public static PatchOperation remove(String path) {
		return new PatchOperation(Op.REMOVE, requirePath(path), null);
	}

	private static String requirePath(String path) {
		if (path == null || path.isBlank()) {
			throw new IllegalArgumentException("path must not be blank");
		}
		return path;
	}

	/**
	 * The SCIM PATCH operation types (RFC 7644, section 3.5.2).
	 */
	public enum Op {

		/** Adds a value. */
		ADD,

		/** Replaces a value. */
		REPLACE,

		/** Removes a value. */
		REMOVE;

		/**
		 * The operation as written on the wire.
		 * @return the lower-case name
		 */
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
