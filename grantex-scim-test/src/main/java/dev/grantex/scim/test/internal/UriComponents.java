package dev.grantex.scim.test.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Percent-decoding of path segments and query strings, as the real server's router and
 * query parser do.
 */
final class UriComponents {

	private UriComponents() {
	}

	/**
	 * Splits a raw path into its segments and decodes each one on its own, so an encoded
	 * slash ({@code %2F}) stays inside its segment instead of creating a new one.
	 * @param rawPath the path as received, starting with {@code /}
	 * @return the decoded segments; a segment that does not decode stays raw
	 */
	static List<String> pathSegments(String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String raw : rawPath.substring(1).split("/", -1)) {
			String decoded = decode(raw, false);
			segments.add((decoded != null) ? decoded : raw);
		}
		return segments;
	}

	/**
	 * Parses a raw query string: {@code &}-separated pairs, {@code +} as space,
	 * percent-decoding; a name given twice collects both values (the server then sees an
	 * array).
	 * @param rawQuery the query as received, or {@code null} when there was none
	 * @return the values of each name, in order
	 */
	static Map<String, List<String>> queryParameters(@Nullable String rawQuery) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
			String name = decode(rawName, true);
			String value = decode(rawValue, true);
			parameters.computeIfAbsent((name != null) ? name : rawName, (key) -> new ArrayList<>())
				.add((value != null) ? value : rawValue);
		}
		return parameters;
	}

	/**
	 * Decodes {@code %XX} escapes as UTF-8.
	 * @param raw the encoded text
	 * @param plusIsSpace whether {@code +} means a space (in a query, not in a path)
	 * @return the decoded text, or {@code null} when an escape or the UTF-8 is malformed
	 */
	static @Nullable String decode(String raw, boolean plusIsSpace) {
		if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
			return raw;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = hexValue(raw.charAt(i + 1));
				int low = hexValue(raw.charAt(i + 2));
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c == '+' && plusIsSpace) {
				bytes.write(' ');
			}
			else {
				int end = (Character.isHighSurrogate(c) && i + 1 < raw.length()) ? i + 2 : i + 1;
				byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
				i = end - 1;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static int hexValue(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

}
