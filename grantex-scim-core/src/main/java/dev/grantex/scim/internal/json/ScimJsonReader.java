package dev.grantex.scim.internal.json;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimToken;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ScimUserMeta;
import dev.grantex.scim.model.ServiceProviderConfig;

/**
 * Reads Grantex's answers straight from the response stream into the public records, with
 * Jackson's streaming parser: one pass, no intermediate tree, and only what each record
 * holds. Unknown members are skipped, absent optional ones tolerated, and {@code emails}
 * read in every form Grantex sends (see {@link #readEmails}).
 *
 * <p>
 * The stream is left open: the caller decides whether the connection can be reused.
 */
public final class ScimJsonReader {

	private static final List<ScimEmail> NO_EMAILS = List.of();

	private static final ScimUserMeta NO_META = new ScimUserMeta("User", null, null);

	private final JsonFactory factory;

	/**
	 * Creates a reader.
	 * @param factory the factory whose parsers to use, with its constraints
	 */
	public ScimJsonReader(JsonFactory factory) {
		this.factory = factory;
	}

	/**
	 * Reads a User.
	 * @param body the body
	 * @return the user
	 */
	public ScimUser readUser(InputStream body) {
		try (JsonParser parser = parser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM User object");
			return readUserObject(parser);
		}
	}

	/**
	 * Reads a ListResponse of users, refusing one with more users than asked for, before
	 * reading them all.
	 * @param body the body
	 * @param maxResources the most users the page may hold
	 * @return the page
	 */
	public ScimListResponse readUserList(InputStream body, int maxResources) {
		try (JsonParser parser = parser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM ListResponse object");
			int totalResults = -1;
			int startIndex = 1;
			int itemsPerPage = 0;
			List<ScimUser> resources = List.of();
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "totalResults" -> totalResults = intValue(parser, token, name);
					case "startIndex" -> startIndex = intValue(parser, token, name);
					case "itemsPerPage" -> itemsPerPage = intValue(parser, token, name);
					case "Resources" -> resources = readUsers(parser, token, maxResources);
					default -> parser.skipChildren();
				}
			}
			if (totalResults < 0) {
				throw new MalformedBodyException("the ListResponse has no totalResults");
			}
			return new ScimListResponse(totalResults, startIndex, itemsPerPage, resources);
		}
	}

	private List<ScimUser> readUsers(JsonParser parser, JsonToken token, int maxResources) {
		if (token == JsonToken.VALUE_NULL) {
			return List.of();
		}
		expect(token, JsonToken.START_ARRAY, "Resources to be an array");
		List<ScimUser> users = new ArrayList<>(Math.min(maxResources, 200));
		JsonToken next;
		while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (users.size() == maxResources) {
				throw MalformedBodyException
					.refused("the page holds more than the " + maxResources + " users asked for");
			}
			expect(next, JsonToken.START_OBJECT, "each resource to be a User object");
			users.add(readUserObject(parser));
		}
		return users;
	}

	/* Reads the members of a User object whose START_OBJECT has been consumed. */
	private ScimUser readUserObject(JsonParser parser) {
		String id = null;
		String userName = null;
		boolean active = true;
		List<ScimEmail> emails = NO_EMAILS;
		ScimUserMeta meta = NO_META;
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
		return new ScimUser(id, userName, active, emails, meta, externalId, displayName);
	}

	/*
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
		try (JsonParser nested = this.factory.createParser(ObjectReadContext.empty(), encoded)) {
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
			return NO_META;
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

	/**
	 * Reads the answer to {@code createToken}: the token with its secret.
	 * @param body the body
	 * @return the token
	 */
	public ScimTokenWithSecret readCreatedToken(InputStream body) {
		try (JsonParser parser = parser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM token object");
			TokenMembers token = readToken(parser);
			return new ScimTokenWithSecret(token.required(token.id, "id"), token.required(token.label, "label"),
					token.required(token.secret, "token"), token.required(token.createdAt, "createdAt"),
					token.lastUsedAt);
		}
	}

	/**
	 * Reads the list of tokens.
	 * @param body the body
	 * @return the tokens
	 */
	public ListScimTokensResponse readTokens(InputStream body) {
		try (JsonParser parser = parser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a token list object");
			List<ScimToken> tokens = null;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if (name.equals("tokens") && token == JsonToken.START_ARRAY) {
					tokens = new ArrayList<>();
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						TokenMembers read = readToken(parser);
						tokens.add(new ScimToken(read.required(read.id, "id"), read.required(read.label, "label"),
								read.required(read.createdAt, "createdAt"), read.lastUsedAt));
					}
					expect(parser.currentToken(), JsonToken.END_ARRAY, "each token to be an object");
				}
				else {
					parser.skipChildren();
				}
			}
			if (tokens == null) {
				throw new MalformedBodyException("the token list has no tokens array");
			}
			return new ListScimTokensResponse(tokens);
		}
	}

	private TokenMembers readToken(JsonParser parser) {
		TokenMembers token = new TokenMembers();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> token.id = text(parser, value);
				case "label" -> token.label = text(parser, value);
				case "token" -> token.secret = text(parser, value);
				case "createdAt" -> token.createdAt = instant(text(parser, value), name);
				case "lastUsedAt" -> token.lastUsedAt = instant(text(parser, value), name);
				default -> parser.skipChildren();
			}
		}
		return token;
	}

	/**
	 * Reads what the server supports.
	 * @param body the body
	 * @return the configuration
	 */
	public ServiceProviderConfig readServiceProviderConfig(InputStream body) {
		try (JsonParser parser = parser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT, "a ServiceProviderConfig object");
			return new ServiceProviderConfigReader(parser).read();
		}
	}

	/**
	 * Reads an error body of any of Grantex's shapes.
	 * @param body the body, already read
	 * @return its members, or {@code null} when it is not a JSON object
	 */
	public @Nullable ErrorBody readErrorBody(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try (JsonParser parser = this.factory.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String code = null;
			String error = null;
			String message = null;
			String scimType = null;
			String detail = null;
			String requestId = null;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "code" -> code = text(parser, token);
					case "error" -> error = text(parser, token);
					case "message" -> message = text(parser, token);
					case "scimType" -> scimType = text(parser, token);
					case "detail" -> detail = text(parser, token);
					case "requestId" -> requestId = text(parser, token);
					default -> parser.skipChildren();
				}
			}
			return new ErrorBody((code != null) ? code : error, message, scimType, detail, requestId);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private JsonParser parser(InputStream body) {
		return this.factory.createParser(ObjectReadContext.empty(), body);
	}

	static void expect(@Nullable JsonToken actual, JsonToken expected, String what) {
		if (actual != expected) {
			throw new MalformedBodyException(
					"expected " + what + " but found " + ((actual != null) ? actual.name() : "the end of the body"));
		}
	}

	/* A scalar's text; a structured value is skipped and read as absent. */
	static @Nullable String text(JsonParser parser, JsonToken token) {
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

	static int intValue(JsonParser parser, JsonToken token, String member) {
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
		parser.skipChildren();
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

	/**
	 * The members of an error body, whichever shape it came in, as the server sent them.
	 *
	 * @param code Grantex's {@code code}, else the framework's {@code error}
	 * @param message the {@code message}
	 * @param scimType the SCIM {@code scimType}
	 * @param detail the SCIM {@code detail}
	 * @param requestId Grantex's {@code requestId}
	 */
	public record ErrorBody(@Nullable String code, @Nullable String message, @Nullable String scimType,
			@Nullable String detail, @Nullable String requestId) {
	}

	/** The members of a token object, as read. */
	private static final class TokenMembers {

		@Nullable String id;

		@Nullable String label;

		@Nullable String secret;

		@Nullable Instant createdAt;

		@Nullable Instant lastUsedAt;

		<T> T required(@Nullable T value, String member) {
			if (value == null) {
				throw new MalformedBodyException("the body has no " + member);
			}
			return value;
		}

	}

}
