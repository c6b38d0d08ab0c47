package dev.grantex.scim.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Removes the client's own credentials from text that ends up in exception messages,
 * should a server or proxy ever echo one back.
 */
final class Redactor {

	static final String REDACTED = "(redacted)";

	private final List<String> secrets;

	Redactor(@Nullable String... secrets) {
		List<String> known = new ArrayList<>(secrets.length);
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				known.add(secret);
			}
		}
		this.secrets = List.copyOf(known);
	}

	String redact(String text) {
		String result = text;
		for (String secret : this.secrets) {
			if (result.contains(secret)) {
				result = result.replace(secret, REDACTED);
			}
		}
		return result;
	}

}
