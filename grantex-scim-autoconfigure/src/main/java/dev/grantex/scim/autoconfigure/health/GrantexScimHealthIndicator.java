package dev.grantex.scim.autoconfigure.health;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimCredential;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.model.ServiceProviderConfig;

/**
 * {@link HealthIndicator} for the Grantex SCIM API, reported as {@code grantexScim}.
 *
 * <p>
 * It reads {@code GET /scim/v2/ServiceProviderConfig} (public and cheap); when a SCIM
 * token is configured, it validates it with the cheapest authenticated call,
 * {@code GET /scim/v2/Users?startIndex=1&count=1}, which does not count against the
 * plan's per-developer rate limit; and only when asked to, it validates the API key with
 * {@code GET /v1/scim/tokens}, which does. The client it is given should never retry and
 * should have short timeouts (the auto-configured one does), and the result is reused for
 * a while, so that frequent health checks neither hammer Grantex nor slow the health
 * endpoint.
 *
 * <p>
 * Details: {@code baseUrl}, {@code latency} (of the whole check), {@code credentials}
 * (for each of {@code scimToken} and {@code apiKey}: {@code valid}, {@code refused},
 * {@code unverified}, {@code not checked} or {@code not configured}) and, once the
 * configuration was read, the server's {@code capabilities} ({@code patch},
 * {@code filter}, {@code bulk}, {@code etag}). When {@code DOWN}, also the
 * {@code statusCode} Grantex answered (if it answered), the {@code error}, and a
 * {@code hint} on what to do. No detail ever holds a credential, and none holds an
 * exception's message.
 */
public class GrantexScimHealthIndicator implements HealthIndicator {

	private static final Log logger = LogFactory.getLog(GrantexScimHealthIndicator.class);

	private static final String VALID = "valid";

	private static final String REFUSED = "refused";

	private static final String UNVERIFIED = "unverified";

	private static final String NOT_CHECKED = "not checked";

	private static final String NOT_CONFIGURED = "not configured";

	private final ScimClient client;

	private final String baseUrl;

	private final Set<ScimCredential> configured;

	private final boolean validateApiKey;

	private final long cacheTtlNanos;

	private final LongSupplier nanoTime;

	private final Object lock = new Object();

	private @Nullable Health cached;

	private long cachedAt;

	/**
	 * Creates the indicator.
	 * @param client the client that probes Grantex: one that never retries, with short
	 * timeouts
	 * @param baseUrl the base URL that client calls, for the details
	 * @param configured the credentials that client has
	 * @param validateApiKey whether to validate the API key too, which counts against the
	 * plan's rate limit
	 * @param cacheTtl how long a result is reused; zero to probe on every check
	 */
	public GrantexScimHealthIndicator(ScimClient client, URI baseUrl, Set<ScimCredential> configured,
			boolean validateApiKey, Duration cacheTtl) {
		this(client, baseUrl, configured, validateApiKey, cacheTtl, System::nanoTime);
	}

	GrantexScimHealthIndicator(ScimClient client, URI baseUrl, Set<ScimCredential> configured, boolean validateApiKey,
			Duration cacheTtl, LongSupplier nanoTime) {
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException("cacheTtl must not be negative, was " + cacheTtl);
		}
		this.client = client;
		this.baseUrl = withoutUserInfo(baseUrl);
		this.configured = configured.isEmpty() ? EnumSet.noneOf(ScimCredential.class) : EnumSet.copyOf(configured);
		this.validateApiKey = validateApiKey;
		this.cacheTtlNanos = cacheTtl.toNanos();
		this.nanoTime = nanoTime;
	}

	@Override
	public Health health() {
		synchronized (this.lock) {
			long now = this.nanoTime.getAsLong();
			Health last = this.cached;
			if (last != null && now - this.cachedAt < this.cacheTtlNanos) {
				return last;
			}
			Health health = check();
			this.cached = health;
			this.cachedAt = this.nanoTime.getAsLong();
			return health;
		}
	}

	private Health check() {
		long start = this.nanoTime.getAsLong();
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("scimToken",
				this.configured.contains(ScimCredential.SCIM_TOKEN) ? NOT_CHECKED : NOT_CONFIGURED);
		credentials.put("apiKey", this.configured.contains(ScimCredential.API_KEY) ? NOT_CHECKED : NOT_CONFIGURED);
		@Nullable Map<String, Boolean> capabilities = null;
		@Nullable Failure failure = null;
		try {
			capabilities = capabilities(this.client.getServiceProviderConfig());
		}
		catch (RuntimeException ex) {
			failure = new Failure(null, ex);
		}
		if (failure == null && this.configured.contains(ScimCredential.SCIM_TOKEN)) {
			failure = validate(ScimCredential.SCIM_TOKEN, () -> this.client.listUsers(1, 1), credentials);
		}
		// once Grantex proved unreachable, every further call would only wait out its
		// timeout as well
		boolean reachable = capabilities != null
				&& (failure == null || !(failure.exception instanceof ScimTransportException));
		if (reachable && this.validateApiKey && this.configured.contains(ScimCredential.API_KEY)) {
			Failure apiKeyFailure = validate(ScimCredential.API_KEY, this.client::listTokens, credentials);
			failure = (failure != null) ? failure : apiKeyFailure;
		}
		Health.Builder builder = (failure != null) ? Health.down() : Health.up();
		builder.withDetail("baseUrl", this.baseUrl)
			.withDetail("latency", Duration.ofNanos(this.nanoTime.getAsLong() - start).toMillis() + "ms")
			.withDetail("credentials", credentials);
		if (capabilities != null) {
			builder.withDetail("capabilities", capabilities);
		}
		if (failure != null) {
			describe(failure, builder);
		}
		return builder.build();
	}

	private static @Nullable Failure validate(ScimCredential credential, Runnable call,
			Map<String, String> credentials) {
		String key = (credential == ScimCredential.SCIM_TOKEN) ? "scimToken" : "apiKey";
		try {
			call.run();
			credentials.put(key, VALID);
			return null;
		}
		catch (RuntimeException ex) {
			credentials.put(key, (ex instanceof ScimAuthenticationException) ? REFUSED : UNVERIFIED);
			return new Failure(credential, ex);
		}
	}

	private static Map<String, Boolean> capabilities(ServiceProviderConfig config) {
		Map<String, Boolean> capabilities = new LinkedHashMap<>();
		capabilities.put("patch", config.patchSupported());
		capabilities.put("filter", config.filter().supported());
		capabilities.put("bulk", config.bulk().supported());
		capabilities.put("etag", config.etagSupported());
		return capabilities;
	}

	private void describe(Failure failure, Health.Builder builder) {
		RuntimeException ex = failure.exception;
		String error;
		String hint;
		if (ex instanceof ScimApiException api) {
			builder.withDetail("statusCode", api.statusCode());
			String code = api.errorCode();
			error = api.response().request() + " answered " + api.statusCode() + ((code != null) ? " " + code : "");
			hint = hint(failure.credential, api);
		}
		else if (ex instanceof ScimTransportException transport) {
			error = "transport error: " + transport.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
			hint = hint(transport);
		}
		else if (ex instanceof ScimProtocolException protocol) {
			builder.withDetail("statusCode", protocol.statusCode());
			error = "answered " + protocol.statusCode() + " with a body that is not Grantex's";
			hint = "Check that grantex.base-url points at the Grantex API, not at a proxy or web page";
		}
		else {
			error = ex.getClass().getSimpleName();
			hint = "Unexpected failure of the health check: see the application's log";
		}
		builder.withDetail("error", error).withDetail("hint", hint);
		if (logger.isWarnEnabled()) {
			logger.warn("Grantex SCIM health check failed: " + error + ". " + hint);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Grantex SCIM health check failure", ex);
		}
	}

	private static String hint(@Nullable ScimCredential credential, ScimApiException api) {
		if (api instanceof ScimAuthenticationException && credential == ScimCredential.SCIM_TOKEN) {
			return "SCIM token refused: set grantex.scim.token to a valid, unrevoked SCIM token";
		}
		if (api instanceof ScimAuthenticationException && credential == ScimCredential.API_KEY) {
			return "API key refused: set grantex.api-key to a valid developer API key";
		}
		if (api instanceof ScimRateLimitException limited) {
			Duration retryAfter = limited.retryAfter();
			return "Rate-limited by Grantex"
					+ ((retryAfter != null) ? ": retry after " + retryAfter.toSeconds() + "s" : "");
		}
		if (api.statusCode() >= 500) {
			return "Grantex answered with a server error: it may be down or restarting";
		}
		if (api instanceof ScimNotFoundException) {
			return "No Grantex API there: check that grantex.base-url points at a Grantex server";
		}
		return "Grantex refused the health check's request";
	}

	private static String hint(ScimTransportException transport) {
		return switch (transport.kind()) {
			case CONNECT_REFUSED -> "Grantex is unreachable: check grantex.base-url and that the server is up";
			case CONNECT_TIMEOUT -> "No connection to Grantex within grantex.health.timeout: check grantex.base-url, "
					+ "the network and any proxy";
			case READ_TIMEOUT -> "Grantex did not answer within grantex.health.timeout";
			case CONNECTION_RESET -> "The connection to Grantex broke: check any proxy and the TLS settings";
		};
	}

	private static String withoutUserInfo(URI baseUrl) {
		if (baseUrl.getRawUserInfo() == null) {
			return baseUrl.toString();
		}
		String authority = baseUrl.getHost() + ((baseUrl.getPort() != -1) ? ":" + baseUrl.getPort() : "");
		String path = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		return baseUrl.getScheme() + "://" + authority + path;
	}

	/**
	 * What failed: the check of a credential, or ({@code null}) the read of the
	 * configuration.
	 */
	private record Failure(@Nullable ScimCredential credential, RuntimeException exception) {
	}

}
