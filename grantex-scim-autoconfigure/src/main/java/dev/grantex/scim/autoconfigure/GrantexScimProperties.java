package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Configuration of the auto-configured {@link dev.grantex.scim.ScimClient}, bound from {@code grantex.*}.
 *
 * <p>Immutable, and checked when it is bound: a base URL that is not an absolute {@code http} or {@code https}
 * URL, a credential that is set but blank or holds whitespace, and a timeout that is not positive each fail
 * start-up with a message that names the property. A credential's value never appears in a message, in
 * {@link #toString()}, or (with Spring Boot Actuator) in {@code /actuator/env} or {@code /actuator/configprops}.
 *
 * @param enabled Whether to auto-configure the Grantex SCIM client.
 * @param baseUrl Base URL of the Grantex API. Must be an absolute http or https URL without query or fragment; a
 * path prefix is kept.
 * @param apiKey Developer API key (gx_live_... or gx_test_...), used to manage SCIM tokens on /v1/scim/tokens. The
 * GRANTEX_API_KEY environment variable sets it too.
 * @param scim SCIM settings.
 * @param connectTimeout How long this client waits for a connection to Grantex. Defaults to
 * spring.http.clients.connect-timeout when that is set, else to 10 seconds.
 * @param readTimeout How long this client waits for a response from Grantex. Defaults to
 * spring.http.clients.read-timeout when that is set, else to 30 seconds.
 * @param patchValidation Whether the client refuses, before sending, PATCH operations that Grantex would accept
 * and then silently ignore. Turn off only for a server that supports more than Grantex does.
 */
@ConfigurationProperties("grantex")
public record GrantexScimProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("https://api.grantex.dev") URI baseUrl, @Nullable String apiKey, @DefaultValue Scim scim,
		@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@DefaultValue("true") boolean patchValidation) {

	/**
	 * Checks every setting, naming the property that is wrong.
	 * @throws IllegalArgumentException if a setting is invalid
	 */
	public GrantexScimProperties {
		checkBaseUrl(baseUrl);
		checkCredential(apiKey, "grantex.api-key", "your developer API key (gx_live_... or gx_test_...)");
		checkTimeout(connectTimeout, "grantex.connect-timeout");
		checkTimeout(readTimeout, "grantex.read-timeout");
		if (scim == null) {
			scim = new Scim(null);
		}
	}

	/**
	 * Whether at least one credential is configured.
	 * @return {@code true} if {@code grantex.api-key} or {@code grantex.scim.token} is set
	 */
	public boolean hasCredential() {
		return this.apiKey != null || this.scim.token() != null;
	}

	/**
	 * Describes the settings without the value of either credential.
	 * @return a description that is safe to log
	 */
	@Override
	public String toString() {
		return "GrantexScimProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ redacted(this.apiKey) + ", scim=" + this.scim + ", connectTimeout=" + this.connectTimeout
				+ ", readTimeout=" + this.readTimeout + ", patchValidation=" + this.patchValidation + "]";
	}

	private static void checkBaseUrl(@Nullable URI baseUrl) {
		if (baseUrl == null) {
			throw new IllegalArgumentException("grantex.base-url must not be empty; remove it to use "
					+ "https://api.grantex.dev, or set the URL of your Grantex server");
		}
		if (baseUrl.getRawUserInfo() != null) {
			// never echoed: the user information may be a secret
			throw new IllegalArgumentException("grantex.base-url must not contain user information (user:password@); "
					+ "set grantex.api-key and grantex.scim.token instead");
		}
		String scheme = baseUrl.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException("grantex.base-url must be an absolute http or https URL such as "
					+ "https://api.grantex.dev, was '" + baseUrl + "'");
		}
		if (baseUrl.getHost() == null) {
			throw new IllegalArgumentException("grantex.base-url has no valid host name, was '" + baseUrl + "'");
		}
		if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"grantex.base-url must not have a query or fragment, was '" + baseUrl + "'");
		}
	}

	private static void checkCredential(@Nullable String value, String property, String what) {
		if (value == null) {
			return;
		}
		String stripped = value.strip();
		if (stripped.isEmpty()) {
			throw new IllegalArgumentException(property + " is set but blank; set it to " + what
					+ ", or remove it (check that the environment variable or placeholder it comes from has a value)");
		}
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				// never echoed: the value is a secret
				throw new IllegalArgumentException(property + " must not contain whitespace or control characters; "
						+ "check that it was copied whole and alone");
			}
		}
	}

	private static void checkTimeout(@Nullable Duration timeout, String property) {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException(
					property + " must be positive, such as 10s or 500ms, was " + DurationStyle.SIMPLE.print(timeout));
		}
	}

	private static String redacted(@Nullable String secret) {
		return (secret != null) ? "******" : "null";
	}

	/**
	 * SCIM settings, bound from {@code grantex.scim.*}.
	 *
	 * @param token SCIM bearer token (64 hex characters, created with the API key), used for the user operations on
	 * /scim/v2. The GRANTEX_SCIM_TOKEN environment variable sets it too.
	 */
	public record Scim(@Nullable String token) {

		/**
		 * Checks the token, naming the property if it is wrong.
		 * @throws IllegalArgumentException if the token is set but blank or holds whitespace
		 */
		public Scim {
			checkCredential(token, "grantex.scim.token", "a SCIM token (created with the API key)");
		}

		/**
		 * Describes the settings without the token's value.
		 * @return a description that is safe to log
		 */
		@Override
		public String toString() {
			return "Scim[token=" + redacted(this.token) + "]";
		}

	}

}
