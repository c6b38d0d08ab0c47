package dev.grantex.scim.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimToken;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ScimUserMeta;
import dev.grantex.scim.model.ServiceProviderConfig;

/**
 * Reads and writes the Grantex SCIM wire format.
 *
 * <p>
 * Users and list pages are read by streaming, straight into the public records, because
 * they are the hot path and because {@code emails} needs special handling: Grantex
 * double-encodes it as a string holding JSON. The rarer bodies are read through Jackson's
 * tree model.
 */
final class ScimJson {

	static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private static final List<ScimEmail> NO_EMAILS = List.of();

	private final JsonMapper mapper;

	ScimJson() {
		// the response stream is left open when a body has been read, for Spring to drain
		// and close: closed here,
		// before its end, the JDK client cancels the exchange, which costs exceptions and
		// at times the connection
		this.mapper = JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
	}

	// ---- writing

	byte[] writeTokenRequest(String label) {
		return write((generator) -> {
			generator.writeStartObject();
			generator.writeStringProperty("label", label);
			generator.writeEndObject();
		});
	}

	byte[] writeUser(CreateScimUserParams params) {
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

	byte[] writePatch(List<PatchOperation> operations) {
		return write((generator) -> {
			generator.writeStartObject();
			generator.writeArrayPropertyStart("schemas");
			generator.writeString(PATCH_OP_SCHEMA);
			generator.writeEndArray();
			generator.writeArrayPropertyStart("Operations");
			for (PatchOperation operation : operations) {
				generator.writeStartObject();
				generator.writeStringProperty("op", operation.op().wireName());
				if (operation.path() != null) {
					generator.writeStringProperty("path", operation.path());
				}
				if (operation.op() != PatchOperation.Op.REMOVE || operation.value() != null) {
					generator.writePOJOProperty("value", operation.value());
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		});
	}

	private byte[] write(GeneratorWriter writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			writer.write(generator);
		}
		return out.toByteArray();
	}

	@FunctionalInterface
	private interface GeneratorWriter {

		void write(JsonGenerator generator);

	}

	// ---- reading users

	ScimUser readUser(InputStream body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM User object");
			return readUserObject(parser);
		}
	}

	ScimListResponse readUserList(InputStream body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM ListResponse object");
			int totalResults = -1;
			int startIndex = 1;
			int itemsPerPage = 0;
			List<ScimUser> resources = NO_USERS;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "totalResults" -> totalResults = intValue(parser, token, name);
					case "startIndex" -> startIndex = intValue(parser, token, name);
					case "itemsPerPage" -> itemsPerPage = intValue(parser, token, name);
					case "Resources" -> resources = readUsers(parser, token);
					default -> parser.skipChildren();
				}
			}
			if (totalResults < 0) {
				throw new MalformedBodyException("the ListResponse has no totalResults");
			}
			return new ScimListResponse(totalResults, startIndex, itemsPerPage, resources);
		}
	}

	private static final List<ScimUser> NO_USERS = List.of();

	private List<ScimUser> readUsers(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return NO_USERS;
		}
		expect(token, JsonToken.START_ARRAY, "Resources to be an array");
		List<ScimUser> users = new ArrayList<>();
		JsonToken next;
		while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
			expect(next, JsonToken.START_OBJECT, "each resource to be a User object");
			users.add(readUserObject(parser));
		}
		return users;
	}

	/** Reads the members of a User object whose START_OBJECT has been consumed. */
	private ScimUser readUserObject(JsonParser parser) {
		String id = null;
		String userName = null;
		boolean active = true;
		List<ScimEmail> emails = NO_EMAILS;
		ScimUserMeta meta = null;
		String externalId = null;
		String displayName = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "id" -> id = text(parser, token);
				case "userName" -> userName = text(parser, token);
				case "active" -> active = (token == JsonToken.VALUE_TRUE);
				case "emails" -> emails = readEmails(parser, token);
				case "meta" -> meta = readMeta(parser, token);
				case "externalId" -> externalId = text(parser, token);
				case "displayName" -> displayName = text(parser, token);
				default -> parser.skipChildren();
			}
		}
		if (id == null) {
			throw new MalformedBodyException("the User has no id");
		}
		if (userName == null) {
			throw new MalformedBodyException("the User has no userName");
		}
		if (meta == null) {
			meta = new ScimUserMeta("User", null, null);
		}
		return new ScimUser(id, userName, active, emails, meta, externalId, displayName);
	}

	/**
	 * Reads {@code emails} in any of the forms seen: an array (the SCIM form), a string
	 * holding JSON (what Grantex sends: {@code "[…]"}, {@code "[]"}, {@code "null"}, or
	 * {@code "{…}"} for a single object), a single object, or null.
	 */
	private List<ScimEmail> readEmails(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_NULL -> NO_EMAILS;
			case START_ARRAY -> readEmailArray(parser);
			case START_OBJECT -> List.of(readEmailObject(parser));
			case VALUE_STRING -> readEncodedEmails(parser.getString());
			default -> throw new MalformedBodyException("emails is neither an array nor a string holding JSON");
		};
	}

	private List<ScimEmail> readEncodedEmails(String encoded) {
		if (encoded.isBlank()) {
			return NO_EMAILS;
		}
		try (JsonParser nested = this.mapper.createParser(encoded)) {
			List<ScimEmail> emails = readEmails(nested, nested.nextToken());
			if (nested.nextToken() != null) {
				throw new MalformedBodyException("emails holds more than one JSON value");
			}
			return emails;
		}
		catch (JacksonException ex) {
			throw new MalformedBodyException("emails is a string that does not hold valid JSON", ex);
		}
	}

	private List<ScimEmail> readEmailArray(JsonParser parser) {
		List<ScimEmail> emails = new ArrayList<>(2);
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == JsonToken.START_OBJECT) {
				emails.add(readEmailObject(parser));
			}
			else if (token == JsonToken.VALUE_STRING) {
				emails.add(new ScimEmail(parser.getString(), false));
			}
			else if (token != JsonToken.VALUE_NULL) {
				throw new MalformedBodyException("an entry of emails is neither an object nor a string");
			}
		}
		return emails;
	}

	private ScimEmail readEmailObject(JsonParser parser) {
		String value = "";
		boolean primary = false;
		String type = null;
		String display = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "value" -> value = textOr(parser, token, "");
				case "primary" -> primary = (token == JsonToken.VALUE_TRUE)
						|| (token == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(parser.getString()));
				case "type" -> type = text(parser, token);
				case "display" -> display = text(parser, token);
				default -> parser.skipChildren();
			}
		}
		return new ScimEmail(value, primary, type, display);
	}

	private ScimUserMeta readMeta(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return new ScimUserMeta("User", null, null);
		}
		expect(token, JsonToken.START_OBJECT, "meta to be an object");
		String resourceType = "User";
		Instant created = null;
		Instant lastModified = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "resourceType" -> resourceType = textOr(parser, value, "User");
				case "created" -> created = instant(text(parser, value), name);
				case "lastModified" -> lastModified = instant(text(parser, value), name);
				default -> parser.skipChildren();
			}
		}
		return new ScimUserMeta(resourceType, created, lastModified);
	}

	// ---- reading the rarer bodies

	ScimTokenWithSecret readCreatedToken(InputStream body) {
		JsonNode node = readObject(body, "a SCIM token");
		return new ScimTokenWithSecret(required(node, "id"), required(node, "label"), required(node, "token"),
				requiredInstant(node, "createdAt"), instant(optional(node, "lastUsedAt"), "lastUsedAt"));
	}

	ListScimTokensResponse readTokens(InputStream body) {
		JsonNode node = readObject(body, "a token list");
		JsonNode tokens = node.path("tokens");
		if (!tokens.isArray()) {
			throw new MalformedBodyException("the token list has no tokens array");
		}
		List<ScimToken> result = new ArrayList<>(tokens.size());
		for (JsonNode token : tokens) {
			result.add(new ScimToken(required(token, "id"), required(token, "label"),
					requiredInstant(token, "createdAt"), instant(optional(token, "lastUsedAt"), "lastUsedAt")));
		}
		return new ListScimTokensResponse(result);
	}

	ServiceProviderConfig readServiceProviderConfig(InputStream body) {
		JsonNode node = readObject(body, "a ServiceProviderConfig");
		JsonNode bulk = node.path("bulk");
		JsonNode filter = node.path("filter");
		List<ServiceProviderConfig.AuthenticationScheme> schemes = new ArrayList<>();
		for (JsonNode scheme : node.path("authenticationSchemes")) {
			schemes.add(new ServiceProviderConfig.AuthenticationScheme(scheme.path("name").asString(""),
					scheme.path("description").asString(""), scheme.path("type").asString(""),
					scheme.path("primary").asBoolean(false)));
		}
		return new ServiceProviderConfig(supported(node, "patch"),
				new ServiceProviderConfig.Bulk(bulk.path("supported").asBoolean(false),
						bulk.path("maxOperations").asInt(0), bulk.path("maxPayloadSize").asInt(0)),
				new ServiceProviderConfig.Filter(filter.path("supported").asBoolean(false),
						filter.path("maxResults").asInt(0)),
				supported(node, "changePassword"), supported(node, "sort"), supported(node, "etag"), schemes);
	}

	/**
	 * Reads an error body of any shape, or returns {@code null} when it is not a JSON
	 * object.
	 */
	@Nullable ErrorBody readErrorBody(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (node == null || !node.isObject()) {
			return null;
		}
		String code = optional(node, "code");
		if (code == null) {
			code = optional(node, "error");
		}
		return new ErrorBody(code, optional(node, "message"), optional(node, "scimType"), optional(node, "detail"),
				optional(node, "requestId"));
	}

	/** The members of an error body, whichever shape it came in. */
	record ErrorBody(@Nullable String code, @Nullable String message, @Nullable String scimType,
			@Nullable String detail, @Nullable String requestId) {
	}

	private JsonNode readObject(InputStream body, String what) {
		JsonNode node = this.mapper.readTree(body);
		if (node == null || !node.isObject()) {
			throw new MalformedBodyException("expected " + what + " as a JSON object");
		}
		return node;
	}

	private static boolean supported(JsonNode node, String feature) {
		return node.path(feature).path("supported").asBoolean(false);
	}

	private static String required(JsonNode node, String member) {
		String value = optional(node, member);
		if (value == null) {
			throw new MalformedBodyException("the body has no " + member);
		}
		return value;
	}

	private static Instant requiredInstant(JsonNode node, String member) {
		Instant value = instant(optional(node, member), member);
		if (value == null) {
			throw new MalformedBodyException("the body has no " + member);
		}
		return value;
	}

	private static @Nullable String optional(JsonNode node, String member) {
		JsonNode value = node.get(member);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	// ---- token helpers

	private static void expect(@Nullable JsonToken actual, JsonToken expected, String what) {
		if (actual != expected) {
			throw new MalformedBodyException("expected " + what + " but found " + describe(actual));
		}
	}

	private static String describe(@Nullable JsonToken token) {
		return (token != null) ? token.name() : "the end of the body";
	}

	private static @Nullable String text(JsonParser parser, JsonToken token) {
		if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	private static String textOr(JsonParser parser, JsonToken token, String fallback) {
		String text = text(parser, token);
		return (text != null) ? text : fallback;
	}

	private static int intValue(JsonParser parser, JsonToken token, String member) {
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getIntValue();
		}
		if (token == JsonToken.VALUE_STRING) {
			try {
				return Integer.parseInt(parser.getString().trim());
			}
			catch (NumberFormatException ex) {
				throw new MalformedBodyException(member + " is not an integer", ex);
			}
		}
		throw new MalformedBodyException(member + " is not an integer");
	}

	private static @Nullable Instant instant(@Nullable String text, String member) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedBodyException(member + " is not an ISO-8601 instant", ex);
		}
	}

}
