package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties;
import org.springframework.util.unit.DataSize;

import dev.grantex.scim.ScimBaseUrl;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.retry.ScimRetrySettings;

/**
 * Configuration of the auto-configured Grantex SCIM client, bound from {@code grantex.*}.
 *
 * <p>
 * Immutable, and checked when it is bound by the same rules as the client's builder: a
 * setting that cannot work fails start-up with a message that names the property, never
 * its value when that may be a secret. A credential's value never appears in a message,
 * in {@link #toString()}, or (with Spring Boot Actuator) in {@code /actuator/env} or
 * {@code /actuator/configprops}.
 *
 * @param enabled Whether to auto-configure the Grantex SCIM client. With Spring AOT, such
 * as in a native image, it takes effect when the application is built.
 * @param baseUrl Base URL of the Grantex API: absolute http or https, without user
 * information, query or fragment; a path prefix is kept.
 * @param apiKey Developer API key (gx_live_... or gx_test_...), used to manage SCIM
 * tokens on /v1/scim/tokens. The GRANTEX_API_KEY environment variable sets it too.
 * @param scim SCIM settings.
 * @param patchValidation Whether the client refuses, before sending, PATCH operations
 * that Grantex would accept and then silently ignore. Turn off only for a server that
 * supports more than Grantex does.
 * @param maxResponseSize Largest answer the client reads, after any decompression; a
 * larger one fails without being read.
 * @param http HTTP client settings of this client only; unset ones fall back to
 * spring.http.clients.*.
 * @param retry Retry settings.
 * @param rateLimit Pacing under Grantex's rate limits.
 * @param health Health indicator settings.
 */
@ConfigurationProperties("grantex")
public record GrantexScimProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("https://api.grantex.dev") String baseUrl, @Nullable String apiKey, @DefaultValue Scim scim,
		@DefaultValue("true") boolean patchValidation, @DefaultValue("4MB") DataSize maxResponseSize,
		@DefaultValue Http http, @DefaultValue Retry retry, @DefaultValue RateLimit rateLimit,
		@DefaultValue Health health) {

	/**
	 * Checks every setting, naming the property that is wrong. A connection setting (the
	 * base URL, a credential) that still holds a placeholder nothing resolved is refused
	 * where it is used, by the {@link #connectionDetails() connection details} taken from
	 * these properties: connection details from elsewhere (test support, a secrets
	 * manager) leave it unused and harmless.
	 * @param enabled whether to auto-configure the client
	 * @param baseUrl base URL of the Grantex API
	 * @param apiKey developer API key
	 * @param scim SCIM settings
	 * @param patchValidation whether the client refuses PATCH operations that Grantex
	 * would ignore
	 * @param maxResponseSize the largest answer to read
	 * @param http HTTP client settings
	 * @param retry retry settings
	 * @param rateLimit pacing settings
	 * @param health health indicator settings
	 * @throws IllegalArgumentException if a setting is invalid
	 */
	public GrantexScimProperties {
		if (!PropertyChecks.hasPlaceholder(baseUrl)) {
			ScimBaseUrl.check(baseUrl, "grantex.base-url");
		}
		if (!PropertyChecks.hasPlaceholder(apiKey)) {
			apiKey = ScimCredential.API_KEY.check(apiKey, "grantex.api-key");
		}
		if (maxResponseSize.toBytes() < 64 * 1024) {
			throw new IllegalArgumentException(
					"grantex.max-response-size must be at least 64KB (a page of 200 users is about 100KB), was "
							+ maxResponseSize);
		}
	}

	/**
	 * The connection these properties describe: the base URL and the credentials, each
	 * checked and named by its property when wrong. The auto-configuration's
	 * {@link GrantexScimConnectionDetails} unless a bean of that type replaces it.
	 * @return the connection details
	 * @throws IllegalArgumentException if the base URL or a credential is wrong
	 * @throws GrantexScimUnresolvedPlaceholderException if one is a placeholder nothing
	 * resolved
	 */
	public GrantexScimConnectionDetails connectionDetails() {
		return new PropertiesGrantexScimConnectionDetails(this);
	}

	/**
	 * The base URL, checked as {@code grantex.base-url}.
	 * @return the base URL
	 */
	public URI baseUri() {
		return ScimBaseUrl.check(this.baseUrl, "grantex.base-url");
	}

	/**
	 * Describes the settings without the value of either credential.
	 * @return a description that is safe to log
	 */
	@Override
	public String toString() {
		return "GrantexScimProperties[enabled=" + this.enabled + ", baseUrl=" + describedBaseUrl() + ", apiKey="
				+ redacted(this.apiKey) + ", scim=" + this.scim + ", patchValidation=" + this.patchValidation
				+ ", maxResponseSize=" + this.maxResponseSize + ", http=" + this.http + ", retry=" + this.retry
				+ ", rateLimit=" + this.rateLimit + ", health=" + this.health + "]";
	}

	private String describedBaseUrl() {
		try {
			return ScimBaseUrl.describe(baseUri());
		}
		catch (IllegalArgumentException ex) {
			return "(invalid)";
		}
	}

	static String redacted(@Nullable String secret) {
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
		 * Checks the token, naming the property if it is wrong; an unresolved placeholder
		 * is refused where the token is used.
		 * @param token the SCIM bearer token
		 * @throws IllegalArgumentException if the token is set but blank or holds
		 * anything but visible ASCII
		 */
		public Scim {
			if (!PropertyChecks.hasPlaceholder(token)) {
				token = ScimCredential.SCIM_TOKEN.check(token, "grantex.scim.token");
			}
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
	 * The HTTP client of this client only, bound from {@code grantex.http.*}, like Spring
	 * Boot's {@code spring.http.clients.*}: an unset setting falls back to that, then to
	 * the client's default. Redirects are never followed, whatever
	 * {@code spring.http.clients.redirects} says.
	 *
	 * @param factory Which HTTP client to use. Defaults to
	 * spring.http.clients.imperative.factory when that is set, else to http-components
	 * (Apache HttpClient 5, which the starter brings).
	 * @param connectTimeout How long to wait for a connection to Grantex. Defaults to
	 * spring.http.clients.connect-timeout, else 10 seconds.
	 * @param readTimeout How long one answer may take, from sending the request to the
	 * last byte of its body. Defaults to spring.http.clients.read-timeout, else 30
	 * seconds.
	 * @param maxConnections Most connections to Grantex at once, with http-components;
	 * enough for as many threads as share the client.
	 * @param ssl SSL settings.
	 */
	public record Http(ImperativeHttpClientsProperties.@Nullable Factory factory, @Nullable Duration connectTimeout,
			@Nullable Duration readTimeout, @DefaultValue("64") int maxConnections, @DefaultValue Ssl ssl) {

		/**
		 * Checks the settings, naming the property that is wrong.
		 * @param factory which HTTP client to use
		 * @param connectTimeout how long to wait for a connection
		 * @param readTimeout how long one answer may take
		 * @param maxConnections most connections at once
		 * @param ssl SSL settings
		 * @throws IllegalArgumentException if a setting is out of range
		 */
		public Http {
			PropertyChecks.positive(connectTimeout, "grantex.http.connect-timeout");
			PropertyChecks.positive(readTimeout, "grantex.http.read-timeout");
			if (maxConnections < 1) {
				throw new IllegalArgumentException(
						"grantex.http.max-connections must be at least 1, was " + maxConnections);
			}
		}

		/**
		 * SSL settings of this client's HTTP client.
		 *
		 * @param bundle Name of the SSL bundle (spring.ssl.bundle.*) for a private CA or
		 * mutual TLS in front of Grantex. Defaults to spring.http.clients.ssl.bundle.
		 */
		public record Ssl(@Nullable String bundle) {
		}

	}

	/**
	 * How failed calls are retried, bound from {@code grantex.retry.*}; the rules are
	 * {@link ScimRetrySettings}'.
	 *
	 * @param enabled Whether to retry failed calls at all.
	 * @param maxAttempts Most attempts per call, the first included.
	 * @param initialDelay Wait before the first retry when Grantex sends no retry-after.
	 * @param multiplier How much each further wait grows.
	 * @param maxDelay Longest computed wait between attempts.
	 * @param jitter Largest fraction, 0 to 1, by which a computed wait is shortened at
	 * random, so that many clients do not retry in step.
	 * @param deadline Longest a call may take, retries, waits and pacing included; also
	 * when retry is off.
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
		 * @param deadline longest a call may take
		 * @param maxRetryAfter longest retry-after to wait for
		 * @throws IllegalArgumentException if a setting is out of range
		 */
		public Retry {
			try {
				new ScimRetrySettings(enabled, maxAttempts, initialDelay, multiplier, maxDelay, jitter, deadline,
						maxRetryAfter);
			}
			catch (IllegalArgumentException ex) {
				// no cause: Boot's failure analysis shows the root cause's message,
				// which names the builder's setting (maxAttempts), not the property
				throw new IllegalArgumentException(
						"grantex.retry." + PropertyChecks.kebabCase(String.valueOf(ex.getMessage())));
			}
		}

		/**
		 * The client's retry settings.
		 * @return the settings
		 */
		public ScimRetrySettings toSettings() {
			return new ScimRetrySettings(this.enabled, this.maxAttempts, this.initialDelay, this.multiplier,
					this.maxDelay, this.jitter, this.deadline, this.maxRetryAfter);
		}

	}

	/**
	 * Pacing under the rate limits Grantex announces, bound from
	 * {@code grantex.rate-limit.*}.
	 *
	 * @param pacing Whether to spread requests under the budget Grantex announces in its
	 * x-ratelimit headers, so that a burst waits instead of meeting 429.
	 * @param reserve Share of each rate limit, 0 to less than 1, left unused for clients
	 * that do not pace, such as another tool calling Grantex from the same IP address.
	 * Instances that all pace need none: each reads what all of them have left.
	 */
	public record RateLimit(@DefaultValue("true") boolean pacing, @DefaultValue("0") double reserve) {

		/**
		 * Checks the reserve, naming the property if it is wrong.
		 * @param pacing whether to pace
		 * @param reserve the share left for others
		 * @throws IllegalArgumentException if the reserve is out of range
		 */
		public RateLimit {
			if (!(reserve >= 0.0 && reserve < 1.0)) {
				throw new IllegalArgumentException("grantex.rate-limit.reserve must be at least 0 and less than 1, "
						+ "such as 0.05; instances that all pace share the limit without one, was " + reserve);
			}
		}

	}

	/**
	 * The Actuator health indicator {@code grantexScim}, bound from
	 * {@code grantex.health.*}. Its probes never retry, use their own short timeout, and
	 * are cached and shared, so that frequent health checks neither hammer Grantex nor
	 * slow the health endpoint.
	 *
	 * @param timeout How long a health check waits for Grantex. Probes are never retried.
	 * @param cacheTtl How long a health result is reused before Grantex is probed again;
	 * 0 probes on every check.
	 * @param validateApiKey Whether the health check also validates the API key by
	 * listing SCIM tokens, which counts against the plan's per-developer rate limit.
	 */
	public record Health(@DefaultValue("3s") Duration timeout, @DefaultValue("30s") Duration cacheTtl,
			@DefaultValue("false") boolean validateApiKey) {

		/**
		 * Checks the settings, naming the property that is wrong.
		 * @param timeout how long a health check waits for Grantex
		 * @param cacheTtl how long a health result is reused
		 * @param validateApiKey whether the health check also validates the API key
		 * @throws IllegalArgumentException if the timeout is not positive or the cache
		 * TTL is negative
		 */
		public Health {
			PropertyChecks.positive(timeout, "grantex.health.timeout");
			if (cacheTtl.isNegative()) {
				throw new IllegalArgumentException("grantex.health.cache-ttl must not be negative (0 turns the cache "
						+ "off), was " + DurationStyle.SIMPLE.print(cacheTtl));
			}
		}

	}

}
