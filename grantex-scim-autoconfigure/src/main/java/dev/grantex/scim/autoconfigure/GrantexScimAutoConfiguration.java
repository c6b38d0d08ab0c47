package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.ScimClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Grantex {@link ScimClient}.
 *
 * <p>The client starts from a clone of Boot's {@link RestClient.Builder} (so the application's
 * {@code RestClientCustomizer}s and observation registry apply, and the application's builder is not changed), with
 * a request factory from Boot's {@link ClientHttpRequestFactoryBuilder} and {@link HttpClientSettings} (so
 * {@code spring.http.clients.*}, including its SSL bundle, applies) with this client's own timeouts. Over
 * {@code http://}, a JDK {@link HttpClient} is told to speak HTTP/1.1: Grantex refuses the cleartext HTTP/2 upgrade
 * that the JDK client attempts by default.
 */
@AutoConfiguration(after = { HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class },
		afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass(ScimClient.class)
@ConditionalOnProperty(prefix = "grantex", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GrantexScimProperties.class)
public final class GrantexScimAutoConfiguration {

	GrantexScimAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ScimClient scimClient(GrantexScimProperties properties, Environment environment, ResourceLoader resourceLoader,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ScimClientBuilderCustomizer> customizers) {
		if (!properties.hasCredential()) {
			throw new GrantexScimCredentialsMissingException(Arrays.asList(environment.getActiveProfiles()));
		}
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
		Duration connectTimeout = firstNonNull(properties.connectTimeout(), settings.connectTimeout(),
				ScimClient.DEFAULT_CONNECT_TIMEOUT);
		Duration readTimeout = firstNonNull(properties.readTimeout(), settings.readTimeout(),
				ScimClient.DEFAULT_READ_TIMEOUT);
		RestClient.Builder applicationBuilder = restClientBuilder.getIfAvailable(RestClient::builder);
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = requestFactoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		ClientHttpRequestFactory requestFactory = requestFactory(factoryBuilder,
				settings.withTimeouts(connectTimeout, readTimeout), properties.baseUrl());
		ScimClient.Builder builder = ScimClient.builder()
			.baseUrl(properties.baseUrl())
			.apiKey(properties.apiKey())
			.scimToken(properties.scim().token())
			.connectTimeout(connectTimeout)
			.readTimeout(readTimeout)
			.patchValidation(properties.patchValidation())
			.restClientBuilder(applicationBuilder)
			.requestFactory(requestFactory);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/**
	 * Builds this client's request factory the way Boot builds its own, with this client's settings; a JDK client
	 * is told to speak HTTP/1.1 to an {@code http://} URL rather than attempt the cleartext HTTP/2 upgrade.
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
