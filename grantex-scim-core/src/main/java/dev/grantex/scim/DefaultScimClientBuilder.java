package dev.grantex.scim;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import dev.grantex.scim.http.ScimApacheHttpClient;
import dev.grantex.scim.http.ScimJdkHttpClient;
import dev.grantex.scim.http.ScimLazyRequestFactory;
import dev.grantex.scim.internal.http.SettingNames;
import dev.grantex.scim.internal.pacing.RateLimitPacer;
import dev.grantex.scim.internal.retry.RetryExecutor;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.observation.ScimClientObservationContext;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.retry.ScimRetryListener;
import dev.grantex.scim.retry.ScimRetrySettings;

/**
 * Builds the {@link ScimClient}; reached through {@link ScimClient#builder()} or
 * {@link ScimClient#mutate()}. Every setting is checked when it is set, so that a mistake
 * is reported where it was made.
 */
final class DefaultScimClientBuilder implements ScimClient.Builder {

	private static final Log logger = LogFactory.getLog(DefaultScimClientBuilder.class);

	private static final boolean APACHE_HTTP_CLIENT_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClients", DefaultScimClientBuilder.class.getClassLoader());

	private static final long MIN_RESPONSE_SIZE = 64 * 1024;

	private URI baseUrl = ScimClient.DEFAULT_BASE_URL;

	private @Nullable String apiKey;

	private @Nullable String scimToken;

	private RestClient.@Nullable Builder restClientBuilder;

	private List<Consumer<RestClient.Builder>> restClientCustomizers = new ArrayList<>();

	private @Nullable ClientHttpRequestFactory requestFactory;

	/*
	 * For a mutation: the client's own RestClient builder and request factory, which a
	 * customizer may have replaced on it (as MockRestServiceServer does); kept unless one
	 * of them is set anew.
	 */
	private RestClient.@Nullable Builder mutatedRestClient;

	private @Nullable ClientHttpRequestFactory mutatedFactory;

	private Duration connectTimeout = ScimClient.DEFAULT_CONNECT_TIMEOUT;

	private Duration readTimeout = ScimClient.DEFAULT_READ_TIMEOUT;

	private int maxConnections = ScimClient.DEFAULT_MAX_CONNECTIONS;

	private long maxResponseBytes = ScimClient.DEFAULT_MAX_RESPONSE_SIZE;

	private boolean patchValidation = true;

	private ScimRetrySettings retry = ScimRetrySettings.defaults();

	private List<ScimRetryListener> retryListeners = new ArrayList<>();

	private boolean pacing = true;

	private double reserve;

	/** The pacer of this builder's lineage: its clones and the clients' mutations. */
	private AtomicReference<@Nullable RateLimitPacer> sharedPacer = new AtomicReference<>();

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable ScimClientObservationConvention observationConvention;

	private String clientName = ScimClientObservationContext.DEFAULT_CLIENT_NAME;

	private SettingNames settingNames = SettingNames.BUILDER;

	private Clock clock = Clock.systemUTC();

	private LongSupplier nanoTime = System::nanoTime;

	private RetryExecutor.Sleeper sleeper = RetryExecutor.Sleeper.THREAD;

	DefaultScimClientBuilder() {
	}

	@Override
	public ScimClient.Builder baseUrl(URI baseUrl) {
		this.baseUrl = ScimBaseUrl.check(baseUrl, "baseUrl");
		return this;
	}

	@Override
	public ScimClient.Builder baseUrl(String baseUrl) {
		this.baseUrl = ScimBaseUrl.check(baseUrl, "baseUrl");
		return this;
	}

	@Override
	public ScimClient.Builder apiKey(@Nullable String apiKey) {
		this.apiKey = ScimCredential.API_KEY.check(apiKey, "apiKey");
		return this;
	}

	@Override
	public ScimClient.Builder scimToken(@Nullable String scimToken) {
		this.scimToken = ScimCredential.SCIM_TOKEN.check(scimToken, "scimToken");
		return this;
	}

	@Override
	public ScimClient.Builder restClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = required(restClientBuilder, "restClientBuilder");
		return this;
	}

	@Override
	public ScimClient.Builder restClientCustomizer(Consumer<RestClient.Builder> customizer) {
		this.restClientCustomizers.add(required(customizer, "customizer"));
		return this;
	}

	@Override
	public ScimClient.Builder requestFactory(ClientHttpRequestFactory requestFactory) {
		required(requestFactory, "requestFactory");
		if (requestFactory instanceof SimpleClientHttpRequestFactory) {
			throw new IllegalArgumentException("Spring's SimpleClientHttpRequestFactory cannot be used with Grantex: "
					+ "HttpURLConnection cannot send PATCH (updateUser), sends DELETE with a form content type that "
					+ "Grantex refuses (deleteUser, revokeToken), and follows redirects. Leave the request factory "
					+ "unset for the client's own HTTP client, or give one built on Apache HttpClient 5 or the JDK's "
					+ "HttpClient; with Spring Boot, grantex.http.factory=simple sends PATCH and DELETE through the "
					+ "JDK's HttpClient.");
		}
		this.requestFactory = requestFactory;
		return this;
	}

	@Override
	public ScimClient.Builder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connectTimeout");
		return this;
	}

	@Override
	public ScimClient.Builder readTimeout(Duration readTimeout) {
		this.readTimeout = positive(readTimeout, "readTimeout");
		return this;
	}

	@Override
	public ScimClient.Builder maxConnections(int maxConnections) {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
		}
		this.maxConnections = maxConnections;
		return this;
	}

	@Override
	public ScimClient.Builder maxResponseSize(long maxResponseBytes) {
		if (maxResponseBytes < MIN_RESPONSE_SIZE) {
			throw new IllegalArgumentException("maxResponseSize must be at least 64 KiB (a page of 200 users is "
					+ "about 100 KB), was " + maxResponseBytes + " bytes");
		}
		this.maxResponseBytes = maxResponseBytes;
		return this;
	}

	@Override
	public ScimClient.Builder patchValidation(boolean enabled) {
		this.patchValidation = enabled;
		return this;
	}

	@Override
	public ScimClient.Builder retry(ScimRetrySettings retry) {
		this.retry = required(retry, "retry (ScimRetrySettings.disabled() turns retry off)");
		return this;
	}

	@Override
	public ScimClient.Builder retryListener(ScimRetryListener retryListener) {
		this.retryListeners.add(required(retryListener, "retryListener"));
		return this;
	}

	@Override
	public ScimClient.Builder rateLimitPacing(boolean enabled) {
		this.pacing = enabled;
		return this;
	}

	@Override
	public ScimClient.Builder rateLimitReserve(double reserve) {
		if (!(reserve >= 0.0 && reserve < 1.0)) {
			throw new IllegalArgumentException("rateLimitReserve must be at least 0 and less than 1, was " + reserve);
		}
		this.reserve = reserve;
		return this;
	}

	@Override
	public ScimClient.Builder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = required(observationRegistry,
				"observationRegistry (ObservationRegistry.NOOP " + "turns observation off)");
		return this;
	}

	@Override
	public ScimClient.Builder observationConvention(ScimClientObservationConvention observationConvention) {
		this.observationConvention = required(observationConvention, "observationConvention");
		return this;
	}

	@Override
	public ScimClient.Builder clientName(String clientName) {
		if (clientName == null || clientName.isBlank()) {
			throw new IllegalArgumentException("clientName must not be blank");
		}
		this.clientName = clientName.strip();
		return this;
	}

	@Override
	public ScimClient.Builder settingNames(String baseUrl, String apiKey, String scimToken) {
		this.settingNames = new SettingNames(required(baseUrl, "baseUrl"), required(apiKey, "apiKey"),
				required(scimToken, "scimToken"));
		return this;
	}

	/*
	 * Replaces the clocks and the waiting, so that tests control time. Not API.
	 */
	DefaultScimClientBuilder time(Clock clock, LongSupplier nanoTime, RetryExecutor.Sleeper sleeper) {
		this.clock = clock;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
		return this;
	}

	@Override
	public DefaultScimClientBuilder clone() {
		DefaultScimClientBuilder copy = new DefaultScimClientBuilder();
		copy.baseUrl = this.baseUrl;
		copy.apiKey = this.apiKey;
		copy.scimToken = this.scimToken;
		copy.restClientBuilder = this.restClientBuilder;
		copy.restClientCustomizers = new ArrayList<>(this.restClientCustomizers);
		copy.requestFactory = this.requestFactory;
		copy.mutatedRestClient = this.mutatedRestClient;
		copy.mutatedFactory = this.mutatedFactory;
		copy.connectTimeout = this.connectTimeout;
		copy.readTimeout = this.readTimeout;
		copy.maxConnections = this.maxConnections;
		copy.maxResponseBytes = this.maxResponseBytes;
		copy.patchValidation = this.patchValidation;
		copy.retry = this.retry;
		copy.retryListeners = new ArrayList<>(this.retryListeners);
		copy.pacing = this.pacing;
		copy.reserve = this.reserve;
		copy.sharedPacer = this.sharedPacer;
		copy.observationRegistry = this.observationRegistry;
		copy.observationConvention = this.observationConvention;
		copy.clientName = this.clientName;
		copy.settingNames = this.settingNames;
		copy.clock = this.clock;
		copy.nanoTime = this.nanoTime;
		copy.sleeper = this.sleeper;
		return copy;
	}

	@Override
	public ScimClient build() {
		if (ScimBaseUrl.isCleartextToAnotherHost(this.baseUrl) && logger.isWarnEnabled()) {
			logger.warn("The Grantex base URL " + ScimBaseUrl.describe(this.baseUrl) + " is plain http to another "
					+ "host: the credentials cross the network in clear text. Use https.");
		}
		boolean ownsFactory = (this.requestFactory == null);
		ClientHttpRequestFactory factory = (this.requestFactory != null) ? this.requestFactory
				: new ScimLazyRequestFactory(this::createRequestFactory);
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(this.baseUrl.toString());
		// encodes every URI variable as data: an id like "a/b" or "x?y" stays one path
		// segment
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
		RestClient.Builder restClient = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
				: RestClient.builder();
		boolean keepsFactory = this.restClientBuilder == this.mutatedRestClient && factory == this.mutatedFactory;
		if (!keepsFactory) {
			restClient.requestFactory(factory);
		}
		restClient.uriBuilderFactory(uris)
			// the client reads and writes its own JSON: no message converter is needed
			.configureMessageConverters((converters) -> {
			});
		this.restClientCustomizers.forEach((customizer) -> customizer.accept(restClient));
		if (this.observationRegistry != null) {
			// each attempt is then also observed as Spring's http.client.requests; set
			// after
			// the customizers, so that a client told not to be observed is not
			restClient.observationRegistry(this.observationRegistry);
		}
		return new DefaultScimClient(this, restClient, factory, ownsFactory, pacer());
	}

	private ClientHttpRequestFactory createRequestFactory() {
		return APACHE_HTTP_CLIENT_PRESENT
				? ScimApacheHttpClient.requestFactory(this.connectTimeout, this.readTimeout, this.maxConnections)
				: ScimJdkHttpClient.requestFactory(this.connectTimeout, this.readTimeout);
	}

	/* The lineage's pacer, unless this builder paces differently. */
	private RateLimitPacer pacer() {
		RateLimitPacer shared = this.sharedPacer.get();
		if (shared != null && shared.enabled() == this.pacing && shared.reserve() == this.reserve) {
			return shared;
		}
		RateLimitPacer pacer = new RateLimitPacer(this.pacing, this.reserve);
		this.sharedPacer.compareAndSet(null, pacer);
		return pacer;
	}

	/*
	 * The builder that {@code mutate()} starts from: these settings, on the client's
	 * RestClient as its customizers left it, which are therefore not applied again.
	 */
	DefaultScimClientBuilder mutation(RestClient restClient, ClientHttpRequestFactory factory) {
		DefaultScimClientBuilder copy = clone();
		copy.restClientBuilder = restClient.mutate();
		copy.restClientCustomizers = new ArrayList<>();
		copy.requestFactory = factory;
		copy.mutatedRestClient = copy.restClientBuilder;
		copy.mutatedFactory = factory;
		return copy;
	}

	URI baseUrl() {
		return this.baseUrl;
	}

	@Nullable String apiKey() {
		return this.apiKey;
	}

	@Nullable String scimToken() {
		return this.scimToken;
	}

	Duration readTimeout() {
		return this.readTimeout;
	}

	long maxResponseBytes() {
		return this.maxResponseBytes;
	}

	boolean patchValidation() {
		return this.patchValidation;
	}

	ScimRetrySettings retry() {
		return this.retry;
	}

	@Nullable ScimRetryListener retryListener() {
		List<ScimRetryListener> listeners = List.copyOf(this.retryListeners);
		return listeners.isEmpty() ? null : (event) -> listeners.forEach((listener) -> listener.onRetry(event));
	}

	ObservationRegistry observationRegistry() {
		return (this.observationRegistry != null) ? this.observationRegistry : ObservationRegistry.NOOP;
	}

	@Nullable ScimClientObservationConvention observationConvention() {
		return this.observationConvention;
	}

	String clientName() {
		return this.clientName;
	}

	SettingNames settingNames() {
		return this.settingNames;
	}

	Clock clock() {
		return this.clock;
	}

	LongSupplier nanoTime() {
		return this.nanoTime;
	}

	RetryExecutor.Sleeper sleeper() {
		return this.sleeper;
	}

	static double jitter() {
		return ThreadLocalRandom.current().nextDouble();
	}

	private static <T> T required(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return value;
	}

	private static Duration positive(@Nullable Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		return duration;
	}

}
