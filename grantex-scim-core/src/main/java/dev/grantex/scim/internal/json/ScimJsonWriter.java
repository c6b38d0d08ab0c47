package dev.grantex.scim.internal.json;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;

/**
 * Writes the request bodies Grantex accepts, with Jackson's streaming generator.
 */
public final class ScimJsonWriter {

	static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private final JsonFactory factory;

	/**
	 * Creates a writer.
	 * @param factory the factory whose generators to use
	 */
	public ScimJsonWriter(JsonFactory factory) {
		this.factory = factory;
	}

	/**
	 * The body of {@code createToken}.
	 * @param label the token's label
	 * @return the body
	 */
	public byte[] writeTokenRequest(String label) {
		return write((generator) -> {
			generator.writeStartObject();
			generator.writeStringProperty("label", label);
			generator.writeEndObject();
		});
	}

	/**
	 * The body of {@code createUser} and {@code replaceUser}: every attribute Grantex
	 * stores, {@code active} as a JSON boolean.
	 * @param params the attributes
	 * @return the body
	 */
	public byte[] writeUser(CreateScimUserParams params) {
		return write((generator) -> {
			generator.writeStartObject();
			generator.writeArrayPropertyStart("schemas");
			generator.writeString(USER_SCHEMA);
			generator.writeEndArray();
			generator.writeStringProperty("userName", params.userName());
			if (params.displayName() != null) {
				generator.writeStringProperty("displayName", params.displayName());
			}
			if (params.externalId() != null) {
				generator.writeStringProperty("externalId", params.externalId());
			}
			generator.writeBooleanProperty("active", params.active());
			generator.writeArrayPropertyStart("emails");
			for (ScimEmail email : params.emails()) {
				generator.writeStartObject();
				generator.writeStringProperty("value", email.value());
				generator.writeBooleanProperty("primary", email.primary());
				if (email.type() != null) {
					generator.writeStringProperty("type", email.type());
				}
				if (email.display() != null) {
					generator.writeStringProperty("display", email.display());
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		});
	}

	/**
	 * The body of {@code updateUser}.
	 * @param operations the operations, whose values are JSON-like: {@code null}, a
	 * string, a boolean, a number, a map with string keys, a collection or an array of
	 * such values
	 * @return the body
	 * @throws IllegalArgumentException if a value is of another type
	 */
	public byte[] writePatch(List<PatchOperation> operations) {
		return write((generator) -> {
			generator.writeStartObject();
			generator.writeArrayPropertyStart("schemas");
			generator.writeString(PATCH_OP_SCHEMA);
			generator.writeEndArray();
			generator.writeArrayPropertyStart("Operations");
			int number = 1;
			for (PatchOperation operation : operations) {
				generator.writeStartObject();
				generator.writeStringProperty("op", operation.op().wireName());
				if (operation.path() != null) {
					generator.writeStringProperty("path", operation.path());
				}
				if (operation.op() != PatchOperation.Op.REMOVE || operation.value() != null) {
					generator.writeName("value");
					writeValue(generator, operation.value(), number);
				}
				generator.writeEndObject();
				number++;
			}
			generator.writeEndArray();
			generator.writeEndObject();
		});
	}

	private static void writeValue(JsonGenerator generator, @Nullable Object value, int operation) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof CharSequence text) {
			generator.writeString(text.toString());
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Number number) {
			writeNumber(generator, number, operation);
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					throw new IllegalArgumentException(
							"Patch operation #" + operation + " has a value object whose keys are not all strings");
				}
				generator.writeName(key);
				writeValue(generator, entry.getValue(), operation);
			}
			generator.writeEndObject();
		}
		else if (value instanceof Collection<?> collection) {
			generator.writeStartArray();
			for (Object element : collection) {
				writeValue(generator, element, operation);
			}
			generator.writeEndArray();
		}
		else if (value.getClass().isArray()) {
			generator.writeStartArray();
			for (int i = 0; i < Array.getLength(value); i++) {
				writeValue(generator, Array.get(value, i), operation);
			}
			generator.writeEndArray();
		}
		else {
			throw new IllegalArgumentException("Patch operation #" + operation + " has a value of type "
					+ value.getClass().getName() + ", which has no JSON form here; pass a String, Boolean, Number, "
					+ "Map, Collection or array of those");
		}
	}

	private static void writeNumber(JsonGenerator generator, Number number, int operation) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
			generator.writeNumber(number.longValue());
		}
		else if (number instanceof BigInteger big) {
			generator.writeNumber(big);
		}
		else if (number instanceof BigDecimal decimal) {
			generator.writeNumber(decimal);
		}
		else {
			double value = number.doubleValue();
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw new IllegalArgumentException(
						"Patch operation #" + operation + " has the number " + value + ", which JSON cannot hold");
			}
			generator.writeNumber(value);
		}
	}

	private byte[] write(Consumer<JsonGenerator> writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = this.factory.createGenerator(ObjectWriteContext.empty(), out)) {
			writer.accept(generator);
		}
		return out.toByteArray();
	}

}
