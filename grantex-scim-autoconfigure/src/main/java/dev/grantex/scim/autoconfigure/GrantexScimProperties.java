package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

import dev.grantex.scim.RetrySettings;

/**
 * Configuration of the auto-configured {@link dev.grantex.scim.ScimClient}, bound from
 * {@code grantex.*}.
 *
 * <p>
 * Immutable, and checked when it is bound: a base URL that is not an absolute
 * {@code http} or {@code https} URL, a credential that is set but blank or holds
 * whitespace, and a timeout that is not positive each fail start-up with a message that
 * names the property. A credential's value never appears in a message, in
 * {@link #toString()}, or (with Spring Boot Actuator) in {@code /actuator/env} or
 * {@code /actuator/configprops}.
 *
 * @param enabled Whether to auto-configure the Grantex SCIM client.
 * @param baseUrl Base URL of the Grantex API. Must be an absolute http or https URL
 * without query or fragment; a path prefix is kept.
 * @param apiKey Developer API key (gx_live_... or gx_test_...), used to manage SCIM
 * tokens on /v1/scim/tokens. The GRANTEX_API_KEY environment variable sets it too.
 * @param scim SCIM settings.
 * @param connectTimeout How long this client waits for a connection to Grantex. Defaults
 * to spring.http.clients.connect-timeout when that is set, else to 10 seconds.
 * @param readTimeout How long this client waits for a response from Grantex. Defaults to
 * spring.http.clients.read-timeout when that is set, else to 30 seconds.
 * @param patchValidation Whether the client refuses, before sending, PATCH operations
 * that Grantex would accept and then silently ignore. Turn off only for a server that
 * supports more than Grantex does.
 * @param retry Retry settings.
 * @param health Health indicator settings.
 */
@ConfigurationProperties("grantex")
public record GrantexScimProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("https://api.grantex.dev") URI baseUrl, @Nullable String apiKey, @DefaultValue Scim scim,
		@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@DefaultValue("true") boolean patchValidation, @DefaultValue Retry retry, @DefaultValue Health health) {

	/**
	 * Checks every setting, naming the property that is wrong.
	 * @param enabled whether to auto-configure the client
	 * @param baseUrl base URL of the Grantex API
	 * @param apiKey developer API key
	 * @param scim SCIM settings
	 * @param connectTimeout how long the client waits for a connection
	 * @param readTimeout how long the client waits for a response
	 * @param patchValidation whether the client refuses PATCH operations that Grantex
	 * would ignore
	 * @param retry retry settings
	 * @param health health indicator settings
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
		if (health == null) {
			health = Health.DEFAULTS;
		}
	}

	/**
	 * Whether at least one credential is configured.
	 * @return {@code true} if {@code grantex.api-key} or {@code grantex.scim.token} is
	 * set
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
				+ ", readTimeout=" + this.readTimeout + ", patchValidation=" + this.patchValidation + ", retry="
				+ this.retry + ", health=" + this.health + "]";
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
	 * @param token SCIM bearer token (64 hex characters, created with the API key), used
	 * for the user operations on /scim/v2. The GRANTEX_SCIM_TOKEN environment variable
	 * sets it too.
	 */
	public record Scim(@Nullable String token) {

		/**
		 * Checks the token, naming the property if it is wrong.
		 * @param token the SCIM bearer token
		 * @throws IllegalArgumentException if the token is set but blank or holds
		 * whitespace
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

	/**
	 * How failed calls are retried, bound from {@code grantex.retry.*}. Reads,
	 * {@code PUT} and {@code DELETE} are retried on connection failures, timeouts, 429,
	 * 502, 503 and 504; {@code POST} and {@code PATCH} only where Grantex provably did
	 * nothing (429, a refused connection, a connect timeout), except that a create first
	 * checks whether its unanswered attempt created the user.
	 *
	 * @param enabled Whether to retry failed calls at all.
	 * @param maxAttempts Most attempts per call, the first included.
	 * @param initialDelay Wait before the first retry when Grantex sends no retry-after.
	 * @param multiplier How much each further wait grows.
	 * @param maxDelay Longest computed wait between attempts.
	 * @param jitter Largest fraction, 0 to 1, by which a computed wait is shortened at
	 * random, so that many clients do not retry in step.
	 * @param deadline Longest a call may take, retries and waits included; no retry
	 * starts that would end later.
	 * @param maxRetryAfter Longest retry-after to wait for; a longer one fails the call
	 * at once with a ScimRateLimitException carrying the wait.
	 */
	public record Retry(@DefaultValue("true") boolean enabled, @DefaultValue("4") int maxAttempts,
			@DefaultValue("200ms") Duration initialDelay, @DefaultValue("2.0") double multiplier,
			@DefaultValue("5s") Duration maxDelay, @DefaultValue("0.5") double jitter,
			@DefaultValue("60s") Duration deadline, @DefaultValue("30s") Duration maxRetryAfter) {

		/**
		 * Checks the settings, naming the property that is wrong.
		 * @param enabled whether to retry failed calls at all
		 * @param maxAttempts most attempts per call, the first included
		 * @param initialDelay wait before the first retry
		 * @param multiplier how much each further wait grows
		 * @param maxDelay longest computed wait between attempts
		 * @param jitter largest fraction by which a computed wait is shortened at random
		 * @param deadline longest a call may take, retries and waits included
		 * @param maxRetryAfter longest retry-after to wait for
		 * @throws IllegalArgumentException if a setting is out of range
		 */
		public Retry {
			try {
				new RetrySettings(enabled, maxAttempts, initialDelay, multiplier, maxDelay, jitter, deadline,
						maxRetryAfter);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("grantex.retry." + kebabCase(String.valueOf(ex.getMessage())), ex);
			}
		}

		/**
		 * The client's retry settings.
		 * @return the settings
		 */
		public RetrySettings toSettings() {
			return new RetrySettings(this.enabled, this.maxAttempts, this.initialDelay, this.multiplier, this.maxDelay,
					this.jitter, this.deadline, this.maxRetryAfter);
		}

		/**
		 * Turns the leading camelCase name of a core message into the property's
		 * kebab-case name.
		 */
		private static String kebabCase(String message) {
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

	/**
	 * The Actuator health indicator {@code grantexScim}, bound from
	 * {@code grantex.health.*}. Its probes never retry, use their own short timeout, and
	 * are cached, so that frequent health checks neither hammer Grantex nor slow the
	 * health endpoint.
	 *
	 * @param timeout Connect and read timeout of each health probe request. Probes are
	 * never retried.
	 * @param cacheTtl How long a health result is reused before Grantex is probed again;
	 * 0 probes on every check.
	 * @param validateApiKey Whether the health check also validates the API key by
	 * listing SCIM tokens, which counts against the plan's per-developer rate limit.
	 */
	public record Health(@DefaultValue("3s") Duration timeout, @DefaultValue("30s") Duration cacheTtl,
			@DefaultValue("false") boolean validateApiKey) {

		static final Health DEFAULTS = new Health(Duration.ofSeconds(3), Duration.ofSeconds(30), false);

		/**
		 * Checks the settings, naming the property that is wrong.
		 * @param timeout connect and read timeout of each health probe request
		 * @param cacheTtl how long a health result is reused
		 * @param validateApiKey whether the health check also validates the API key
		 * @throws IllegalArgumentException if the timeout is not positive or the cache
		 * TTL is negative
		 */
		public Health {
			if (timeout == null || timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("grantex.health.timeout must be positive, such as 3s or 500ms, was "
						+ ((timeout != null) ? DurationStyle.SIMPLE.print(timeout) : "empty"));
			}
			if (cacheTtl == null || cacheTtl.isNegative()) {
				throw new IllegalArgumentException("grantex.health.cache-ttl must not be negative (0 turns the cache "
						+ "off), was " + ((cacheTtl != null) ? DurationStyle.SIMPLE.print(cacheTtl) : "empty"));
			}
		}

	}

}
