package dev.grantex.scim.internal.users;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.model.PatchOperation;

/**
 * Refuses, before sending, the PATCH operations that Grantex accepts with 200 and then
 * ignores or misapplies, so that a caller never believes a change was made when it was
 * not.
 *
 * <p>
 * Grantex applies only {@code add} and {@code replace} on {@code active},
 * {@code userName} and {@code displayName}; it stores any {@code active} value other than
 * the JSON literal {@code true} as {@code false} (so {@code "True"} deactivates), and it
 * cannot clear {@code displayName}. Messages name paths and operations, never values,
 * which may be personal data.
 */
public final class PatchValidator {

	private static final Set<String> SUPPORTED_PATHS = Set.of("active", "userName", "displayName");

	private static final String ADVICE = " Use replaceUser(id, CreateScimUserParams) to change other attributes, or "
			+ "turn this check off with ScimClient.builder().patchValidation(false) for a server that supports more.";

	private PatchValidator() {
	}

	/**
	 * Refuses the operations Grantex would ignore or misapply.
	 * @param operations the operations, in order
	 * @throws IllegalArgumentException naming the first such operation and what to do
	 */
	public static void validate(List<PatchOperation> operations) {
		for (int i = 0; i < operations.size(); i++) {
			validate(i + 1, operations.get(i));
		}
	}

	/**
	 * Whether any of the operations sets {@code userName}, for telling a duplicate from
	 * another 500.
	 * @param operations the operations
	 * @return whether one sets {@code userName}
	 */
	public static boolean setsUserName(List<PatchOperation> operations) {
		for (PatchOperation operation : operations) {
			if ("userName".equals(operation.path()) || (operation.path() == null
					&& operation.value() instanceof Map<?, ?> map && map.containsKey("userName"))) {
				return true;
			}
		}
		return false;
	}

	private static void validate(int number, PatchOperation operation) {
		String where = "Patch operation #" + number + " (" + operation.op().wireName()
				+ ((operation.path() != null) ? " " + operation.path() : " without a path") + ")";
		if (operation.op() == PatchOperation.Op.REMOVE) {
			throw refuse(where + " would be ignored: Grantex applies only add and replace, and answers 200 anyway.");
		}
		String path = operation.path();
		if (path != null) {
			if (!SUPPORTED_PATHS.contains(path)) {
				throw refuse(where + " would be ignored: Grantex applies PATCH only to active, userName and "
						+ "displayName, and answers 200 without changing '" + path + "'.");
			}
			validateValue(where, path, operation.value());
			return;
		}
		if (!(operation.value() instanceof Map<?, ?> attributes) || attributes.isEmpty()) {
			throw refuse(where + " needs a value object of attributes, such as {\"active\": false}.");
		}
		for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
			if (!(attribute.getKey() instanceof String key) || !SUPPORTED_PATHS.contains(key)) {
				throw refuse(where + " sets '" + attribute.getKey() + "', which Grantex ignores: it applies PATCH "
						+ "only to active, userName and displayName, and answers 200 anyway.");
			}
			validateValue(where, key, attribute.getValue());
		}
	}

	private static void validateValue(String where, String attribute, @Nullable Object value) {
		switch (attribute) {
			case "active" -> {
				if (!(value instanceof Boolean)) {
					throw new IllegalArgumentException(where + " sets active to a " + typeOf(value) + ": Grantex "
							+ "stores every value but the JSON boolean true as false. Pass Boolean.TRUE or Boolean.FALSE.");
				}
			}
			case "userName" -> {
				if (!(value instanceof String text) || text.isBlank()) {
					throw new IllegalArgumentException(
							where + " sets userName to a " + typeOf(value) + "; it must be a non-blank string.");
				}
			}
			default -> {
				if (!(value instanceof String)) {
					throw refuse(where + " sets displayName to a " + typeOf(value) + ": Grantex keeps the old display "
							+ "name when given null and stores other types as text. Pass a string.");
				}
			}
		}
	}

	private static String typeOf(@Nullable Object value) {
		return (value != null) ? value.getClass().getSimpleName() : "null";
	}

	private static IllegalArgumentException refuse(String message) {
		return new IllegalArgumentException(message + ADVICE);
	}

}
