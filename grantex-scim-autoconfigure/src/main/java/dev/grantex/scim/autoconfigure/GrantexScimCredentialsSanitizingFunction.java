package dev.grantex.scim.autoconfigure;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides the Grantex credentials in {@code /actuator/env} and
 * {@code /actuator/configprops}, even where an application shows other values
 * ({@code management.endpoint.env.show-values} or
 * {@code management.endpoint.configprops.show-values} set to {@code always} or
 * {@code when-authorized}). Spring Boot applies no key-based sanitizing of its own then.
 *
 * <p>
 * Matches {@code grantex.api-key} and {@code grantex.scim.token} in every form a key
 * takes there: the canonical form, the environment variable ({@code GRANTEX_API_KEY},
 * {@code GRANTEX_SCIM_TOKEN}), and the bean-property form ({@code grantex.apiKey}), by
 * comparing keys with case and separators ignored.
 */
final class GrantexScimCredentialsSanitizingFunction implements SanitizingFunction {

	private static final Set<String> CREDENTIAL_KEYS = Set.of("grantexapikey", "grantexscimtoken");

	@Override
	public SanitizableData apply(SanitizableData data) {
		return data.withSanitizedValue();
	}

	@Override
	public Predicate<SanitizableData> filter() {
		return (data) -> isCredentialKey(data.getKey());
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

}
