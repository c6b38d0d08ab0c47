package dev.grantex.scim.internal.json;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimToken;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;

/**
 * Reads Grantex's answers straight from the response stream into the public records, with
 * Jackson's streaming parser: one pass, no intermediate tree, and only what each record
 * holds. Unknown members are skipped, absent optional ones tolerated, and {@code emails}
 * read in every form Grantex sends.
 *
 * <p>
 * The stream is left open: the caller decides whether the connection can be reused.
 */
public final class ScimJsonReader {

	private final JsonFactory factory;

	private final UserObjectReader users;

	/**
	 * Creates a reader.
	 * @param factory the factory whose parsers to use, with its constraints
	 */
	public ScimJsonReader(JsonFactory factory) {
		this.factory = factory;
		this.users = new UserObjectReader(factory);
	}

	/**
	 * Reads a User.
	 * @param body the body
	 * @return the user
	 */
	public ScimUser readUser(InputStream body) {
		try (JsonParser parser = parser(body)) {
			JsonValues.expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM User object");
			return this.users.read(parser);
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
			JsonValues.expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM ListResponse object");
			int totalResults = -1;
			int startIndex = 1;
			int itemsPerPage = 0;
			List<ScimUser> resources = List.of();
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "totalResults" -> totalResults = JsonValues.intValue(parser, token, name);
					case "startIndex" -> startIndex = JsonValues.intValue(parser, token, name);
					case "itemsPerPage" -> itemsPerPage = JsonValues.intValue(parser, token, name);
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
		JsonValues.expect(token, JsonToken.START_ARRAY, "Resources to be an array");
		List<ScimUser> users = new ArrayList<>(Math.min(maxResources, 200));
		JsonToken next;
		while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (users.size() == maxResources) {
				throw MalformedBodyException
					.refused("the page holds more than the " + maxResources + " users asked for");
			}
			JsonValues.expect(next, JsonToken.START_OBJECT, "each resource to be a User object");
			users.add(this.users.read(parser));
		}
		return users;
	}

	/**
	 * Reads the answer to {@code createToken}: the token with its secret.
	 * @param body the body
	 * @return the token
	 */
	public ScimTokenWithSecret readCreatedToken(InputStream body) {
		try (JsonParser parser = parser(body)) {
			JsonValues.expect(parser.nextToken(), JsonToken.START_OBJECT, "a SCIM token object");
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
			JsonValues.expect(parser.nextToken(), JsonToken.START_OBJECT, "a token list object");
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
					JsonValues.expect(parser.currentToken(), JsonToken.END_ARRAY, "each token to be an object");
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
				case "id" -> token.id = JsonValues.text(parser, value);
				case "label" -> token.label = JsonValues.text(parser, value);
				case "token" -> token.secret = JsonValues.text(parser, value);
				case "createdAt" -> token.createdAt = JsonValues.instant(JsonValues.text(parser, value), name);
				case "lastUsedAt" -> token.lastUsedAt = JsonValues.instant(JsonValues.text(parser, value), name);
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
			JsonValues.expect(parser.nextToken(), JsonToken.START_OBJECT, "a ServiceProviderConfig object");
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
					case "code" -> code = JsonValues.text(parser, token);
					case "error" -> error = JsonValues.text(parser, token);
					case "message" -> message = JsonValues.text(parser, token);
					case "scimType" -> scimType = JsonValues.text(parser, token);
					case "detail" -> detail = JsonValues.text(parser, token);
					case "requestId" -> requestId = JsonValues.text(parser, token);
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
