package dev.grantex.scim.internal.http;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one routine every text from the server goes through before it is stored, quoted in
 * a message, logged, tagged or shown: the client's credentials are removed, also in part,
 * control characters are escaped, and the length is capped, in that order.
 *
 * <p>
 * A server or proxy may echo what it received, whole or cut: any run of
 * {@value #FRAGMENT_LENGTH} or more characters that also occurs in a credential is
 * replaced by {@value #REDACTED}. Escaping keeps a server from forging log lines with
 * CR/LF. Capping after redacting means a secret cut by the cap cannot survive in part.
 */
public final class ServerText {

	/** What stands in for a removed credential. */
	static final String REDACTED = "(redacted)";

	/** The shortest part of a credential that is removed. */
	static final int FRAGMENT_LENGTH = 8;

	private final Set<String> fragments;

	/**
	 * Creates the routine for a client's credentials.
	 * @param secrets the credentials; {@code null}s are ignored
	 */
	public ServerText(@Nullable String... secrets) {
		Set<String> parts = new HashSet<>();
		for (String secret : secrets) {
			if (secret != null) {
				for (int i = 0; i + FRAGMENT_LENGTH <= secret.length(); i++) {
					parts.add(secret.substring(i, i + FRAGMENT_LENGTH));
				}
			}
		}
		this.fragments = Set.copyOf(parts);
	}

	/**
	 * A server text fit for a message, a log line, a tag or a stored field: redacted,
	 * with every control character escaped, at most {@code maxLength} characters (and an
	 * ellipsis).
	 * @param text the server's text
	 * @param maxLength the most characters to keep
	 * @return the safe text
	 */
	public String safe(String text, int maxLength) {
		return truncate(escape(redact(text), false), maxLength);
	}

	/**
	 * Like {@link #safe(String, int)}, for a text that may be absent.
	 * @param text the server's text, or {@code null}
	 * @param maxLength the most characters to keep
	 * @return the safe text, or {@code null}
	 */
	public @Nullable String safeOrNull(@Nullable String text, int maxLength) {
		return (text != null) ? safe(text, maxLength) : null;
	}

	/**
	 * A body kept as data: redacted, its line breaks and tabs kept and other control
	 * characters escaped, capped.
	 * @param body the body as text
	 * @param maxLength the most characters to keep
	 * @return the safe body
	 */
	public String safeBody(String body, int maxLength) {
		return truncate(escape(redact(body), true), maxLength);
	}

	/**
	 * Removes every run of {@value #FRAGMENT_LENGTH} or more characters that occurs in a
	 * credential.
	 * @param text the text
	 * @return the text without them
	 */
	String redact(String text) {
		if (this.fragments.isEmpty() || text.length() < FRAGMENT_LENGTH) {
			return text;
		}
		boolean[] secret = null;
		for (int i = 0; i + FRAGMENT_LENGTH <= text.length(); i++) {
			if (this.fragments.contains(text.substring(i, i + FRAGMENT_LENGTH))) {
				if (secret == null) {
					secret = new boolean[text.length()];
				}
				for (int j = i; j < i + FRAGMENT_LENGTH; j++) {
					secret[j] = true;
				}
			}
		}
		if (secret == null) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			if (!secret[i]) {
				result.append(text.charAt(i));
			}
			else if (i == 0 || !secret[i - 1]) {
				result.append(REDACTED);
			}
		}
		return result.toString();
	}

	private static String escape(String text, boolean keepLineBreaks) {
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = escapeOf(c, keepLineBreaks);
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	private static @Nullable String escapeOf(char c, boolean keepLineBreaks) {
		if (keepLineBreaks && (c == '\n' || c == '\r' || c == '\t')) {
			return null;
		}
		return switch (c) {
			case '\n' -> "\\n";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			default -> (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
					|| (c >= '\u2066' && c <= '\u2069')) ? String.format("\\u%04x", (int) c) : null;
		};
	}

	private static String truncate(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int end = maxLength;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
