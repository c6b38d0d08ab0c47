package dev.grantex.scim.internal.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
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

	/* What a fraction of n + 1 digits is multiplied by to give nanoseconds. */
	private static final int[] NANOS_SCALE = { 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

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
		Instant utc = utc(text);
		if (utc != null) {
			return utc;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedBodyException(member + " is not an ISO-8601 instant", ex);
		}
	}

	/*
	 * The form Grantex writes (JavaScript's toISOString: 2026-03-01T12:00:00.000Z), read
	 * without DateTimeFormatter, which costs a page of 200 users hundreds of
	 * microseconds; null for anything else, which Instant.parse then reads or refuses.
	 */
	static @Nullable Instant utc(String text) {
		int length = text.length();
		if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
				|| text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int fraction = (length > 20) ? digits(text, 20, length - 1) : 0;
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
				|| hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
			return null;
		}
		int nanos = (length > 20) ? fraction * NANOS_SCALE[length - 22] : 0;
		long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
		return Instant.ofEpochSecond(seconds, nanos);
	}

	/* The decimal number of text[from, to), or -1 if a character is not a digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
