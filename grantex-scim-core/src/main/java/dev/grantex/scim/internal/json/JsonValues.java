package dev.grantex.scim.internal.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads scalar members leniently and in one way for every reader: a structured value
 * where a scalar belongs is skipped and read as absent, a number may come as a string,
 * and what cannot be read is a {@link MalformedBodyException} naming the member.
 */
final class JsonValues {

	private JsonValues() {
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

	static String textOr(JsonParser parser, JsonToken token, String fallback) {
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

	static @Nullable Instant instant(@Nullable String text, String member) {
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
