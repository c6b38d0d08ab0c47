package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.ScimClient;

/**
 * Starts {@link ScimClient.Builder}s from {@code grantex.*} and Boot's HTTP client
 * infrastructure, for the application's client and for the health indicator's own: the
 * base URL, credentials and PATCH validation from {@link GrantexScimProperties}; a clone
 * of Boot's {@link RestClient.Builder}; and a request factory from Boot's
 * {@link ClientHttpRequestFactoryBuilder} and {@link HttpClientSettings} (so
 * {@code spring.http.clients.*}, including its SSL bundle, applies) with the timeouts
 * asked for. Over {@code http://}, a JDK {@link HttpClient} is told to speak HTTP/1.1:
 * Grantex refuses the cleartext HTTP/2 upgrade that the JDK client attempts by default.
 */
final class ScimClientBuilderFactory {

	private final GrantexScimProperties properties;

	private final HttpClientSettings settings;

	private final RestClient.Builder restClientBuilder;

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	ScimClientBuilderFactory(GrantexScimProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		this.properties = properties;
		this.settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
		this.restClientBuilder = restClientBuilder.getIfAvailable(RestClient::builder);
		this.requestFactoryBuilder = requestFactoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
	}

	/**
	 * The connect timeout of the application's client: {@code grantex.connect-timeout},
	 * else {@code spring.http.clients.connect-timeout}, else the client's default.
	 */
	Duration connectTimeout() {
		return firstNonNull(this.properties.connectTimeout(), this.settings.connectTimeout(),
				ScimClient.DEFAULT_CONNECT_TIMEOUT);
	}

	/**
	 * The read timeout of the application's client: {@code grantex.read-timeout}, else
	 * {@code spring.http.clients.read-timeout}, else the client's default.
	 */
	Duration readTimeout() {
		return firstNonNull(this.properties.readTimeout(), this.settings.readTimeout(),
				ScimClient.DEFAULT_READ_TIMEOUT);
	}

	/**
	 * A builder set up from {@code grantex.*} and Boot, with these timeouts; retry,
	 * observation and customizers are the caller's to add.
	 */
	ScimClient.Builder builder(Duration connectTimeout, Duration readTimeout) {
		ClientHttpRequestFactory requestFactory = requestFactory(this.requestFactoryBuilder,
				this.settings.withTimeouts(connectTimeout, readTimeout), this.properties.baseUrl());
		return ScimClient.builder()
			.baseUrl(this.properties.baseUrl())
			.apiKey(this.properties.apiKey())
			.scimToken(this.properties.scim().token())
			.connectTimeout(connectTimeout)
			.readTimeout(readTimeout)
			.patchValidation(this.properties.patchValidation())
			.restClientBuilder(this.restClientBuilder)
			.requestFactory(requestFactory);
	}

	/**
	 * Builds a request factory the way Boot builds its own, with these settings; a JDK
	 * client is told to speak HTTP/1.1 to an {@code http://} URL rather than attempt the
	 * cleartext HTTP/2 upgrade.
	 */
	static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings, URI baseUrl) {
		if ("http".equalsIgnoreCase(baseUrl.getScheme()) && builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return jdk.withHttpClientCustomizer((httpClient) -> httpClient.version(HttpClient.Version.HTTP_1_1))
				.build(settings);
		}
		return builder.build(settings);
	}

	private static Duration firstNonNull(@Nullable Duration first, @Nullable Duration second, Duration fallback) {
		return (first != null) ? first : (second != null) ? second : fallback;
	}

}
