package dev.grantex.scim.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.grantex.scim.ScimBaseUrl;
import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimFailureCategory;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.model.ServiceProviderConfig;
import dev.grantex.scim.retry.ScimRetrySettings;

/**
 * {@link HealthIndicator} for one {@link ScimClient}: it probes Grantex through that
 * client, as the client calls it (base URL, credentials, HTTP client, rate-limit pacing),
 * with a short deadline, no retries and no observations.
 *
 * <p>
 * It reads {@code GET /scim/v2/ServiceProviderConfig} (public and cheap); when the client
 * has a SCIM token, it validates it with {@code GET /scim/v2/Users?startIndex=1&count=1},
 * which does not count against the plan's per-developer rate limit; and only when asked
 * to, it validates the API key with {@code GET /v1/scim/tokens}, which does. The result
 * is reused for a while, and checks that arrive while a probe is under way share it
 * rather than queue behind it; a check waits at most the timeout, and reports Grantex
 * {@code DOWN} if no answer came by then.
 *
 * <p>
 * Details: {@code baseUrl}, {@code latency} (of the whole probe), {@code credentials}
 * (for each of {@code scimToken} and {@code apiKey}: {@code valid}, {@code refused},
 * {@code unverified}, {@code not checked} or {@code not configured}) and, once the
 * configuration was read, the server's {@code capabilities}. When {@code DOWN}, also the
 * {@code statusCode} Grantex answered (if it answered), the {@code error}, and a
 * {@code hint} on what to do. No detail holds a credential or an exception's message.
 */
public class GrantexScimHealthIndicator implements HealthIndicator {

	private static final Log logger = LogFactory.getLog(GrantexScimHealthIndicator.class);

	private final ScimClient probe;

	private final String baseUrl;

	private final Set<ScimCredential> configured;

	private final boolean validateApiKey;

	private final Duration timeout;

	private final long cacheTtlNanos;

	private final LongSupplier nanoTime;

	private final Executor executor;

	private final AtomicReference<@Nullable CompletableFuture<Health>> inFlight = new AtomicReference<>();

	private volatile @Nullable Cached cached;

	/**
	 * Creates the indicator of a client.
	 * @param client the client to probe Grantex through
	 * @param timeout how long a check waits for Grantex
	 * @param cacheTtl how long a result is reused; zero to probe on every check
	 * @param validateApiKey whether to validate the API key too, which counts against the
	 * plan's rate limit
	 */
	public GrantexScimHealthIndicator(ScimClient client, Duration timeout, Duration cacheTtl, boolean validateApiKey) {
		this(client, timeout, cacheTtl, validateApiKey, System::nanoTime, GrantexScimHealthIndicator::probeThread);
	}

	GrantexScimHealthIndicator(ScimClient client, Duration timeout, Duration cacheTtl, boolean validateApiKey,
			LongSupplier nanoTime, Executor executor) {
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException("cacheTtl must not be negative, was " + cacheTtl);
		}
		this.probe = probeOf(client, timeout);
		this.baseUrl = ScimBaseUrl.describe(client.baseUrl());
		this.configured = client.credentials();
		this.validateApiKey = validateApiKey;
		this.timeout = timeout;
		this.cacheTtlNanos = cacheTtl.toNanos();
		this.nanoTime = nanoTime;
		this.executor = executor;
	}

	/*
	 * The client the probes go through: the application's, with the health timeout as its
	 * deadline, no retries and no observations; the application's own where it cannot be
	 * derived (a client that is not the library's).
	 */
	private static ScimClient probeOf(ScimClient client, Duration timeout) {
		ScimClient.Builder builder = client.mutate();
		if (builder == null) {
			return client;
		}
		return builder.retry(ScimRetrySettings.disabled().toBuilder().deadline(timeout).build())
			.readTimeout(timeout)
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
	}

	@Override
	public Health health() {
		Cached last = this.cached;
		if (last != null && this.nanoTime.getAsLong() - last.at() < this.cacheTtlNanos) {
			return last.health();
		}
		CompletableFuture<Health> probing = this.inFlight.get();
		if (probing == null) {
			CompletableFuture<Health> started = new CompletableFuture<>();
			if (this.inFlight.compareAndSet(null, started)) {
				this.executor.execute(() -> complete(started));
			}
			probing = this.inFlight.get();
			if (probing == null) {
				probing = started;
			}
		}
		try {
			return probing.get(this.timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down()
				.withDetail("baseUrl", this.baseUrl)
				.withDetail("error", "no answer within " + this.timeout.toMillis() + "ms")
				.withDetail("hint", "Grantex did not answer within grantex.health.timeout")
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().withDetail("baseUrl", this.baseUrl).build();
		}
		catch (ExecutionException ex) {
			Throwable failure = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn("Grantex SCIM health check failed unexpectedly", failure);
			return Health.down()
				.withDetail("baseUrl", this.baseUrl)
				.withDetail("error", failure.getClass().getSimpleName())
				.withDetail("hint", "Unexpected failure of the health check: see the application's log")
				.build();
		}
	}

	private void complete(CompletableFuture<Health> probing) {
		try {
			Health health = check();
			this.cached = new Cached(health, this.nanoTime.getAsLong());
			probing.complete(health);
		}
		catch (RuntimeException | Error ex) {
			probing.completeExceptionally(ex);
		}
		finally {
			this.inFlight.compareAndSet(probing, null);
		}
	}

	private Health check() {
		long start = this.nanoTime.getAsLong();
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("scimToken", status(ScimCredential.SCIM_TOKEN));
		credentials.put("apiKey", status(ScimCredential.API_KEY));
		Map<String, Boolean> capabilities = null;
		Failure failure = null;
		try {
			capabilities = capabilities(this.probe.getServiceProviderConfig());
		}
		catch (ScimException ex) {
			failure = new Failure(null, ex);
		}
		if (failure == null && this.configured.contains(ScimCredential.SCIM_TOKEN)) {
			failure = validate(ScimCredential.SCIM_TOKEN, () -> this.probe.listUsers(1, 1), credentials);
		}
		// once Grantex proved unreachable, every further call would only wait out its
		// timeout as well
		boolean reachable = capabilities != null && (failure == null || !failure.noAnswer());
		if (reachable && this.validateApiKey && this.configured.contains(ScimCredential.API_KEY)) {
			Failure apiKeyFailure = validate(ScimCredential.API_KEY, this.probe::listTokens, credentials);
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
			HealthFailures.describe(failure.credential(), failure.exception(), builder, logger);
		}
		return builder.build();
	}

	private String status(ScimCredential credential) {
		if (!this.configured.contains(credential)) {
			return "not configured";
		}
		return "not checked";
	}

	private static @Nullable Failure validate(ScimCredential credential, Runnable call,
			Map<String, String> credentials) {
		String key = (credential == ScimCredential.SCIM_TOKEN) ? "scimToken" : "apiKey";
		try {
			call.run();
			credentials.put(key, "valid");
			return null;
		}
		catch (ScimException ex) {
			credentials.put(key, HealthFailures.isRefusal(ex) ? "refused" : "unverified");
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

	private static void probeThread(Runnable probe) {
		Thread thread = new Thread(probe, "grantex-scim-health");
		thread.setDaemon(true);
		thread.start();
	}

	/** A result and when it was found. */
	private record Cached(Health health, long at) {
	}

	/**
	 * What failed: the check of a credential, or ({@code null}) the read of the
	 * configuration.
	 */
	private record Failure(@Nullable ScimCredential credential, ScimException exception) {

		boolean noAnswer() {
			return this.exception.category() == ScimFailureCategory.TRANSPORT_ERROR;
		}

	}

}
