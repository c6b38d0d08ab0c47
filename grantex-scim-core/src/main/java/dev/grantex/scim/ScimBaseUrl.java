package dev.grantex.scim;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rules for a Grantex base URL, in one place for the builder and the Spring Boot
 * starter: absolute {@code http} or {@code https} with a host, without user information,
 * query or fragment; a path prefix is kept, a trailing slash is not. A rejected URL is
 * never echoed whole, since its user information or query may hold a secret.
 */
public final class ScimBaseUrl {

	private ScimBaseUrl() {
	}

	/**
	 * Checks a base URL given as text.
	 * @param value the URL
	 * @param setting how the user set it, for the message, e.g. {@code grantex.base-url}
	 * @return the URL, normalised
	 * @throws IllegalArgumentException saying what is wrong and what to set
	 */
	public static URI check(@Nullable String value, String setting) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(setting + " is set but empty; set it to the Grantex API's URL, e.g. "
					+ ScimClient.DEFAULT_BASE_URL + ", or leave it unset for that one");
		}
		try {
			return check(new URI(value.strip()), setting);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(setting + " is not a valid URL (" + ex.getReason() + " at character "
					+ (ex.getIndex() + 1) + "); set it to the Grantex API's URL, e.g. " + ScimClient.DEFAULT_BASE_URL);
		}
	}

	/**
	 * Checks a base URL.
	 * @param url the URL
	 * @param setting how the user set it, for the message, e.g. {@code grantex.base-url}
	 * @return the URL, normalised
	 * @throws IllegalArgumentException saying what is wrong and what to set
	 */
	public static URI check(@Nullable URI url, String setting) {
		if (url == null || url.toString().isEmpty()) {
			throw new IllegalArgumentException(setting + " is set but empty; set it to the Grantex API's URL, e.g. "
					+ ScimClient.DEFAULT_BASE_URL + ", or leave it unset for that one");
		}
		if (url.getRawUserInfo() != null) {
			throw new IllegalArgumentException(setting + " must not contain user information (user:password@); "
					+ "configure the API key and SCIM token as credentials instead");
		}
		String scheme = url.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException(setting + " must be an absolute http or https URL, such as "
					+ ScimClient.DEFAULT_BASE_URL + (url.isAbsolute() ? "; its scheme was " + quoted(scheme) : ""));
		}
		if (url.getHost() == null) {
			throw new IllegalArgumentException(setting + " has no valid host name, such as api.grantex.dev");
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(setting + " must not have a query or fragment (?… or #…): "
					+ describe(url) + " is the part that may stay");
		}
		String text = url.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return URI.create(text);
	}

	/**
	 * A base URL as messages and logs may show it: scheme, host, port and path, never
	 * user information, query or fragment.
	 * @param url the URL
	 * @return the description
	 */
	public static String describe(URI url) {
		StringBuilder text = new StringBuilder();
		if (url.getScheme() != null) {
			text.append(url.getScheme()).append("://");
		}
		text.append((url.getHost() != null) ? url.getHost() : "?");
		if (url.getPort() != -1) {
			text.append(':').append(url.getPort());
		}
		if (url.getRawPath() != null) {
			text.append(url.getRawPath());
		}
		return text.toString();
	}

	/**
	 * Whether credentials sent to this URL cross a network in clear text: {@code http://}
	 * to a host that is not this machine.
	 * @param url a checked base URL
	 * @return {@code true} for cleartext to another host
	 */
	public static boolean isCleartextToAnotherHost(URI url) {
		if (!"http".equalsIgnoreCase(url.getScheme())) {
			return false;
		}
		String host = String.valueOf(url.getHost()).toLowerCase(Locale.ROOT);
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return false;
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		// a literal address is parsed without a lookup; a name is taken as another host
		if (!host.matches("[0-9.]+") && !host.contains(":")) {
			return true;
		}
		try {
			return !InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

	private static String quoted(@Nullable String text) {
		if (text == null) {
			return "missing";
		}
		String shown = (text.length() > 16) ? text.substring(0, 16) + "…" : text;
		return "'" + shown.replaceAll("[^A-Za-z0-9+.-]", "?") + "'";
	}

}
