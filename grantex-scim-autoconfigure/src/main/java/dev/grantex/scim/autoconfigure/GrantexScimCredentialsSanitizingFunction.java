package dev.grantex.scim.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides the Grantex credentials in {@code /actuator/env} and
 * {@code /actuator/configprops}, even where an application shows other values
 * ({@code show-values} set to {@code always} or {@code when-authorized}), by key and by
 * value.
 *
 * <p>
 * By key: {@code grantex.api-key} and {@code grantex.scim.token} in every form a key
 * takes there (the canonical form, the environment variable {@code GRANTEX_API_KEY}, the
 * bean-property form {@code grantex.apiKey}), compared with case and separators ignored.
 * By value: any other entry whose value holds a credential, such as the command line
 * ({@code sun.java.command}), {@code SPRING_APPLICATION_JSON}, or a property that pulls a
 * credential in through a placeholder.
 */
final class GrantexScimCredentialsSanitizingFunction implements SanitizingFunction {

	private static final Set<String> CREDENTIAL_KEYS = Set.of("grantexapikey", "grantexscimtoken");

	private final Supplier<List<String>> credentials;

	/**
	 * Creates the function.
	 * @param credentials the credentials in use, read when an entry is shown
	 */
	GrantexScimCredentialsSanitizingFunction(Supplier<List<String>> credentials) {
		this.credentials = credentials;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return data.withSanitizedValue();
	}

	@Override
	public Predicate<SanitizableData> filter() {
		return (data) -> isCredentialKey(data.getKey()) || holdsCredential(data.getValue());
	}

	private boolean holdsCredential(@Nullable Object value) {
		if (!(value instanceof CharSequence text) || text.length() < 8) {
			return false;
		}
		String string = text.toString();
		for (String credential : this.credentials.get()) {
			if (string.contains(credential)) {
				return true;
			}
		}
		return false;
	}

	static boolean isCredentialKey(String key) {
		StringBuilder letters = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				letters.append(c);
			}
		}
		return CREDENTIAL_KEYS.contains(letters.toString().toLowerCase(Locale.ROOT));
	}

	/**
	 * The credentials among these values: set, and long enough to be told apart.
	 * @param values the values
	 * @return the credentials
	 */
	static List<String> credentials(@Nullable String... values) {
		List<String> credentials = new ArrayList<>(values.length);
		for (String value : values) {
			if (value != null && value.strip().length() >= 8) {
				credentials.add(value.strip());
			}
		}
		return credentials;
	}

}
