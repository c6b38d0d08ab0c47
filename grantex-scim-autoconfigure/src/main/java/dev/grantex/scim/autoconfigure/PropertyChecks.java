package dev.grantex.scim.autoconfigure;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * Checks of {@code grantex.*} values that the core's own checks cannot make, since they
 * concern how Spring Boot bound them.
 */
final class PropertyChecks {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(:[^}]*)?}");

	private PropertyChecks() {
	}

	/**
	 * Refuses a value that still holds a {@code ${...}} placeholder: Spring Boot binds an
	 * unresolvable placeholder as its literal text, so {@code ${GRANTEX_API_KEY}} with
	 * the variable unset would otherwise start the application with a credential Grantex
	 * refuses.
	 * @param value the bound value
	 * @param property the property
	 */
	static void placeholders(@Nullable String value, String property) {
		if (value == null) {
			return;
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		if (matcher.find()) {
			throw new GrantexScimUnresolvedPlaceholderException(property, matcher.group(1));
		}
	}

	/**
	 * Whether a bound value still holds a {@code ${...}} placeholder.
	 * @param value the bound value
	 * @return {@code true} if it holds one
	 */
	static boolean hasPlaceholder(@Nullable String value) {
		return value != null && PLACEHOLDER.matcher(value).find();
	}

	static void positive(@Nullable Duration duration, String property) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException(
					property + " must be positive, such as 10s or 500ms, was " + DurationStyle.SIMPLE.print(duration));
		}
	}

	/* Turns the leading camelCase name of a core message into the property's name. */
	static String kebabCase(String message) {
		StringBuilder result = new StringBuilder(message.length() + 4);
		int i = 0;
		for (; i < message.length() && Character.isLetter(message.charAt(i)); i++) {
			char c = message.charAt(i);
			if (Character.isUpperCase(c)) {
				result.append('-').append(Character.toLowerCase(c));
			}
			else {
				result.append(c);
			}
		}
		return result.append(message, i, message.length()).toString();
	}

}
