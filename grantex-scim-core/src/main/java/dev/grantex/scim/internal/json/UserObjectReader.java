package dev.grantex.scim.internal.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ScimUserMeta;

/**
 * Reads one User object, with {@code emails} in every form Grantex sends (see
 * {@link #readEmails}): a single user and each user of a page alike.
 */
final class UserObjectReader {

	private static final List<ScimEmail> NO_EMAILS = List.of();

	private static final ScimUserMeta NO_META = new ScimUserMeta("User", null, null);

	/* For the JSON that Grantex nests in a string, with the same constraints. */
	private final JsonFactory factory;

	UserObjectReader(JsonFactory factory) {
		this.factory = factory;
	}

	/* Reads the members of a User object whose START_OBJECT has been consumed. */
	ScimUser read(JsonParser parser) {
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
				case "id" -> id = JsonValues.text(parser, token);
				case "userName" -> userName = JsonValues.text(parser, token);
				case "active" -> active = (token == JsonToken.VALUE_TRUE);
				case "emails" -> emails = readEmails(parser, token);
				case "meta" -> meta = readMeta(parser, token);
				case "externalId" -> externalId = JsonValues.text(parser, token);
				case "displayName" -> displayName = JsonValues.text(parser, token);
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
				case "value" -> value = JsonValues.textOr(parser, token, "");
				case "primary" -> primary = (token == JsonToken.VALUE_TRUE)
						|| (token == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(parser.getString()));
				case "type" -> type = JsonValues.text(parser, token);
				case "display" -> display = JsonValues.text(parser, token);
				default -> parser.skipChildren();
			}
		}
		return new ScimEmail(value, primary, type, display);
	}

	private ScimUserMeta readMeta(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return NO_META;
		}
		JsonValues.expect(token, JsonToken.START_OBJECT, "meta to be an object");
		String resourceType = "User";
		Instant created = null;
		Instant lastModified = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "resourceType" -> resourceType = JsonValues.textOr(parser, value, "User");
				case "created" -> created = JsonValues.instant(JsonValues.text(parser, value), name);
				case "lastModified" -> lastModified = JsonValues.instant(JsonValues.text(parser, value), name);
				default -> parser.skipChildren();
			}
		}
		return new ScimUserMeta(resourceType, created, lastModified);
	}

}
