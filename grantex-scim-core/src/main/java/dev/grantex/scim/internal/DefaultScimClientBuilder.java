package dev.grantex.scim.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import dev.grantex.scim.RetryListener;
import dev.grantex.scim.RetrySettings;
import dev.grantex.scim.ScimClient;
import dev.grantex.scim.observation.ScimClientObservationConvention;

/**
 * Builds the {@link ScimClient}; reached through {@link ScimClient#builder()}, never
 * directly.
 */
public final class DefaultScimClientBuilder implements ScimClient.Builder {

	private URI baseUrl = ScimClient.DEFAULT_BASE_URL;

	private @Nullable String apiKey;

	private @Nullable String scimToken;

	private RestClient.@Nullable Builder restClientBuilder;

	private @Nullable ClientHttpRequestFactory requestFactory;

	private Duration connectTimeout = ScimClient.DEFAULT_CONNECT_TIMEOUT;

	private Duration readTimeout = ScimClient.DEFAULT_READ_TIMEOUT;

	private boolean patchValidation = true;

	private RetrySettings retry = RetrySettings.defaults();

	private Clock clock = Clock.systemUTC();

	private RetryExecutor.Sleeper sleeper = RetryExecutor.Sleeper.THREAD;

	private @Nullable RetryListener retryListener;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable ScimClientObservationConvention observationConvention;

	/**
	 * Use {@link ScimClient#builder()}.
	 */
	public DefaultScimClientBuilder() {
	}

	@Override
	public ScimClient.Builder baseUrl(URI baseUrl) {
		this.baseUrl = validateBaseUrl(baseUrl);
		return this;
	}

	@Override
	public ScimClient.Builder baseUrl(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("baseUrl must not be blank, e.g. " + ScimClient.DEFAULT_BASE_URL);
		}
		try {
			return baseUrl(new URI(baseUrl.trim()));
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(
					"baseUrl is not a valid URL (" + ex.getReason() + "), e.g. " + ScimClient.DEFAULT_BASE_URL, ex);
		}
	}

	@Override
	public ScimClient.Builder apiKey(@Nullable String apiKey) {
		this.apiKey = validateCredential(apiKey, "apiKey");
		return this;
	}

	@Override
	public ScimClient.Builder scimToken(@Nullable String scimToken) {
		this.scimToken = validateCredential(scimToken, "scimToken");
		return this;
	}

	@Override
	public ScimClient.Builder restClientBuilder(RestClient.Builder restClientBuilder) {
		if (restClientBuilder == null) {
			throw new IllegalArgumentException("restClientBuilder must not be null");
		}
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	@Override
	public ScimClient.Builder requestFactory(ClientHttpRequestFactory requestFactory) {
		if (requestFactory == null) {
			throw new IllegalArgumentException("requestFactory must not be null");
		}
		this.requestFactory = requestFactory;
		return this;
	}

	@Override
	public ScimClient.Builder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = validateTimeout(connectTimeout, "connectTimeout");
		return this;
	}

	@Override
	public ScimClient.Builder readTimeout(Duration readTimeout) {
		this.readTimeout = validateTimeout(readTimeout, "readTimeout");
		return this;
	}

	@Override
	public ScimClient.Builder patchValidation(boolean enabled) {
		this.patchValidation = enabled;
		return this;
	}

	@Override
	public ScimClient.Builder retry(RetrySettings retry) {
		if (retry == null) {
			throw new IllegalArgumentException(
					"retry must not be null; use RetrySettings.disabled() to turn retry off");
		}
		this.retry = retry;
		return this;
	}

	@Override
	public ScimClient.Builder retryListener(RetryListener retryListener) {
		if (retryListener == null) {
			throw new IllegalArgumentException("retryListener must not be null");
		}
		RetryListener existing = this.retryListener;
		this.retryListener = (existing != null) ? (event) -> {
			existing.onRetry(event);
			retryListener.onRetry(event);
		} : retryListener;
		return this;
	}

	@Override
	public ScimClient.Builder observationRegistry(ObservationRegistry observationRegistry) {
		if (observationRegistry == null) {
			throw new IllegalArgumentException("observationRegistry must not be null; use ObservationRegistry.NOOP");
		}
		this.observationRegistry = observationRegistry;
		return this;
	}

	@Override
	public ScimClient.Builder observationConvention(ScimClientObservationConvention observationConvention) {
		if (observationConvention == null) {
			throw new IllegalArgumentException("observationConvention must not be null");
		}
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Replaces the clock and the waiting between retries, so that tests control time. Not
	 * API.
	 * @param clock the clock
	 * @param sleeper how to wait
	 * @return this builder
	 */
	DefaultScimClientBuilder time(Clock clock, RetryExecutor.Sleeper sleeper) {
		this.clock = clock;
		this.sleeper = sleeper;
		return this;
	}

	@Override
	public ScimClient build() {
		RestClient.Builder builder = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
				: RestClient.builder();
		DefaultUriBuilderFactory uriBuilderFactory = new DefaultUriBuilderFactory(this.baseUrl.toString());
		// encodes every URI variable as data: an id like "a/b" or "x?y" stays one path
		// segment
		uriBuilderFactory.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
		ObservationRegistry registry = (this.observationRegistry != null) ? this.observationRegistry
				: ObservationRegistry.NOOP;
		if (this.observationRegistry != null) {
			// each attempt is then also observed as Spring's http.client.requests, tagged
			// by URI template
			builder.observationRegistry(this.observationRegistry);
		}
		RestClient restClient = builder.uriBuilderFactory(uriBuilderFactory)
			.requestFactory(
					RequestFactories.resolve(this.baseUrl, this.requestFactory, this.connectTimeout, this.readTimeout))
			.build();
		RetryExecutor retryExecutor = new RetryExecutor(this.retry, this.clock, this.sleeper,
				() -> ThreadLocalRandom.current().nextDouble(), this.retryListener);
		return new DefaultScimClient(restClient, uriBuilderFactory, this.baseUrl, this.apiKey, this.scimToken,
				this.patchValidation, this.clock, retryExecutor, registry, this.observationConvention);
	}

	private static URI validateBaseUrl(@Nullable URI baseUrl) {
		if (baseUrl == null) {
			throw new IllegalArgumentException("baseUrl must not be null, e.g. " + ScimClient.DEFAULT_BASE_URL);
		}
		String scheme = baseUrl.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, e.g. "
					+ ScimClient.DEFAULT_BASE_URL + ", was " + baseUrl);
		}
		if (baseUrl.getHost() == null) {
			throw new IllegalArgumentException("baseUrl has no host name: " + baseUrl);
		}
		if (baseUrl.getRawUserInfo() != null) {
			throw new IllegalArgumentException("baseUrl must not contain user information; configure the API key "
					+ "and SCIM token as credentials instead");
		}
		if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
		}
		String text = baseUrl.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return URI.create(text);
	}

	private static @Nullable String validateCredential(@Nullable String credential, String name) {
		if (credential == null) {
			return null;
		}
		String trimmed = credential.strip();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException(name + " must not be blank; pass null for none");
		}
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				throw new IllegalArgumentException(name + " must not contain whitespace or control characters; "
						+ "check that it was copied whole and alone");
			}
		}
		return trimmed;
	}

	private static Duration validateTimeout(@Nullable Duration timeout, String name) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + timeout);
		}
		return timeout;
	}

}
