package dev.grantex.scim.test.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JavaScript value semantics the real server (Node.js) applies to request data,
 * reproduced so the fake stores and echoes exactly what the real server would:
 * {@code String(value)} coercion, truthiness, {@code Number(text)} for query parameters,
 * and {@code JSON.stringify} output (member order, number format, escaping).
 */
final class JsSemantics {

	private static final Pattern DECIMAL_LITERAL = Pattern
		.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

	private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");

	private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

	private JsSemantics() {
	}

	/**
	 * {@code String(number)}: shortest round-trip digits, plain notation from 1e-6 up to
	 * below 1e21, exponent notation ({@code 1e+21}) outside.
	 * @param value the number
	 * @return its JavaScript text
	 */
	static String numberToString(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "Infinity" : "-Infinity";
		}
		if (value == 0) {
			return "0";
		}
		if (value < 0) {
			return "-" + numberToString(-value);
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		String digits = decimal.unscaledValue().toString();
		int k = digits.length();
		int n = k - decimal.scale();
		StringBuilder text = new StringBuilder(k + 8);
		if (k <= n && n <= 21) {
			text.append(digits).append("0".repeat(n - k));
		}
		else if (0 < n && n <= 21) {
			text.append(digits, 0, n).append('.').append(digits, n, k);
		}
		else if (-6 < n && n <= 0) {
			text.append("0.").append("0".repeat(-n)).append(digits);
		}
		else {
			int exponent = n - 1;
			text.append(digits.charAt(0));
			if (k > 1) {
				text.append('.').append(digits, 1, k);
			}
			text.append('e').append((exponent < 0) ? '-' : '+').append(Math.abs(exponent));
		}
		return text.toString();
	}

	/**
	 * {@code Number(text)}: surrounding whitespace ignored, empty text is 0, decimal and
	 * exponent literals, {@code 0x}/{@code 0o}/{@code 0b} integers, {@code Infinity};
	 * anything else is NaN.
	 * @param text the text
	 * @return the number, possibly NaN or infinite
	 */
	static double toNumber(String text) {
		String trimmed = trimJsWhitespace(text);
		if (trimmed.isEmpty()) {
			return 0;
		}
		switch (trimmed) {
			case "Infinity":
			case "+Infinity":
				return Double.POSITIVE_INFINITY;
			case "-Infinity":
				return Double.NEGATIVE_INFINITY;
			default:
				break;
		}
		if (trimmed.length() > 2 && trimmed.charAt(0) == '0') {
			int radix = switch (trimmed.charAt(1)) {
				case 'x', 'X' -> 16;
				case 'o', 'O' -> 8;
				case 'b', 'B' -> 2;
				default -> 0;
			};
			if (radix != 0) {
				String digits = trimmed.substring(2);
				for (int i = 0; i < digits.length(); i++) {
					if (!isAsciiDigitOfRadix(digits.charAt(i), radix)) {
						return Double.NaN;
					}
				}
				return new BigInteger(digits, radix).doubleValue();
			}
		}
		if (!DECIMAL_LITERAL.matcher(trimmed).matches()) {
			return Double.NaN;
		}
		return Double.parseDouble(trimmed);
	}

	/**
	 * JavaScript truthiness of a JSON value; an absent member ({@code undefined}) is
	 * falsy.
	 * @param node the value, or {@code null} for an absent member
	 * @return whether JavaScript treats it as true
	 */
	static boolean isTruthy(@Nullable JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return false;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			double value = node.doubleValue();
			return value != 0 && !Double.isNaN(value);
		}
		if (node.isString()) {
			return !node.stringValue().isEmpty();
		}
		return true;
	}

	/**
	 * {@code String(value)} of a parsed JSON value: objects become
	 * {@code [object Object]}, arrays join with commas.
	 * @param node the value
	 * @return its JavaScript string
	 */
	static String toJsString(JsonNode node) {
		return switch (node.getNodeType()) {
			case STRING -> node.stringValue();
			case NUMBER -> numberToString(node.doubleValue());
			case BOOLEAN -> node.booleanValue() ? "true" : "false";
			case NULL -> "null";
			case MISSING -> "undefined";
			case ARRAY -> {
				List<String> parts = new ArrayList<>(node.size());
				for (JsonNode element : node) {
					parts.add((element.isNull() || element.isMissingNode()) ? "" : toJsString(element));
				}
				yield String.join(",", parts);
			}
			case OBJECT, POJO, BINARY -> "[object Object]";
		};
	}

	/**
	 * {@code JSON.stringify(value)} of a parsed JSON value: compact, integer-like member
	 * names first in ascending order and the others in insertion order, numbers in
	 * JavaScript notation, the same escapes.
	 * @param node the value
	 * @return the JSON text
	 */
	static String stringify(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(out, node);
		return out.toString();
	}

	private static void write(StringBuilder out, JsonNode node) {
		switch (node.getNodeType()) {
			case OBJECT -> {
				out.append('{');
				boolean first = true;
				for (Map.Entry<String, JsonNode> member : membersInJsOrder(node)) {
					if (!first) {
						out.append(',');
					}
					first = false;
					appendQuoted(out, member.getKey());
					out.append(':');
					write(out, member.getValue());
				}
				out.append('}');
			}
			case ARRAY -> {
				out.append('[');
				boolean first = true;
				for (JsonNode element : node) {
					if (!first) {
						out.append(',');
					}
					first = false;
					write(out, element);
				}
				out.append(']');
			}
			case STRING -> appendQuoted(out, node.stringValue());
			case NUMBER -> {
				double value = node.doubleValue();
				out.append(Double.isFinite(value) ? numberToString(value) : "null");
			}
			case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
			case NULL, MISSING -> out.append("null");
			case POJO, BINARY -> throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
		}
	}

	private static List<Map.Entry<String, JsonNode>> membersInJsOrder(JsonNode object) {
		List<Map.Entry<String, JsonNode>> indexLike = new ArrayList<>();
		List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
		for (Map.Entry<String, JsonNode> member : object.properties()) {
			if (isArrayIndex(member.getKey())) {
				indexLike.add(member);
			}
			else {
				others.add(member);
			}
		}
		indexLike.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
		indexLike.addAll(others);
		return indexLike;
	}

	/**
	 * Whether JavaScript orders a member name as an array index. Names that cannot be one
	 * (all the server's own, which start with a letter) are told apart without the
	 * regular expression, which would otherwise dominate writing a page of users.
	 * @param name the member name
	 * @return whether it is a canonical array index
	 */
	private static boolean isArrayIndex(String name) {
		if (name.isEmpty() || name.length() > 10 || name.charAt(0) < '0' || name.charAt(0) > '9') {
			return false;
		}
		return ARRAY_INDEX.matcher(name).matches() && Long.parseLong(name) <= MAX_ARRAY_INDEX;
	}

	/**
	 * Appends a JSON string literal with exactly the escapes {@code JSON.stringify} uses.
	 * @param out where the literal goes
	 * @param value the string
	 */
	static void appendQuoted(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						appendUnicodeEscape(out, c);
					}
					else if (Character.isHighSurrogate(c)) {
						if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
							out.append(c).append(value.charAt(++i));
						}
						else {
							appendUnicodeEscape(out, c);
						}
					}
					else if (Character.isLowSurrogate(c)) {
						appendUnicodeEscape(out, c);
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static void appendUnicodeEscape(StringBuilder out, char c) {
		String hex = Integer.toHexString(c);
		out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
	}

	private static boolean isAsciiDigitOfRadix(char c, int radix) {
		int value;
		if (c >= '0' && c <= '9') {
			value = c - '0';
		}
		else if (c >= 'a' && c <= 'z') {
			value = c - 'a' + 10;
		}
		else if (c >= 'A' && c <= 'Z') {
			value = c - 'A' + 10;
		}
		else {
			return false;
		}
		return value < radix;
	}

	private static String trimJsWhitespace(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isJsWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && isJsWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isJsWhitespace(char c) {
		return switch (c) {
			case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
					'\u3000', '\uFEFF' ->
				true;
			default -> c >= '\u2000' && c <= '\u200A';
		};
	}

}
