package dev.grantex.scim.autoconfigure;

import java.util.Arrays;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.metrics.GrantexScimRetryMetrics;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.retry.ScimRetryListener;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Grantex {@link ScimClient}.
 *
 * <p>
 * Registers the {@link GrantexScimConnectionDetails} from {@code grantex.*} unless the
 * application has its own, a {@link ScimClientBuilderConfigurer}, a prototype
 * {@link ScimClient.Builder} from it (one client per Grantex account), and the
 * {@link ScimClient}. The client's HTTP client is built by Spring Boot's
 * {@code ClientHttpRequestFactoryBuilder} from {@code grantex.http.*}, falling back to
 * {@code spring.http.clients.*}, never following redirects; it is created on the first
 * request. With Boot's {@link ObservationRegistry}, every operation is observed; with a
 * {@link MeterRegistry}, retries are counted. Every {@link ScimRetryListener} and
 * {@link ScimClientBuilderCustomizer} bean applies, and so does every
 * {@code RestClientCustomizer} (as with Spring Boot's own {@code RestClient.Builder}), so
 * that {@code @RestClientTest} and {@code MockRestServiceServer} reach the client.
 */
@AutoConfiguration(after = { HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class },
		afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(ScimClient.class)
@ConditionalOnBooleanProperty(name = "grantex.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GrantexScimProperties.class)
public final class GrantexScimAutoConfiguration {

	GrantexScimAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	GrantexScimConnectionDetails grantexScimConnectionDetails(GrantexScimProperties properties) {
		return properties.connectionDetails();
	}

	@Bean
	@ConditionalOnMissingBean
	ScimClientBuilderConfigurer scimClientBuilderConfigurer(GrantexScimConnectionDetails connection,
			GrantexScimProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ImperativeHttpClientsProperties> httpClientsProperties,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ScimClientObservationConvention> observationConvention,
			ObjectProvider<ScimRetryListener> retryListeners, ObjectProvider<ScimClientBuilderCustomizer> customizers) {
		ImperativeHttpClientsProperties clients = httpClientsProperties.getIfAvailable();
		return new ScimClientBuilderConfigurer(connection, properties,
				GrantexScimRequestFactories.kind(properties.http().factory(),
						(clients != null) ? clients.getFactory() : null, resourceLoader.getClassLoader()),
				GrantexScimHttpSettings.of(properties.http(), httpClientSettings.getIfAvailable(), sslBundles),
				observationRegistry.getIfUnique(), observationConvention.getIfUnique(),
				retryListeners.orderedStream().toList(), customizers.orderedStream().toList());
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	ScimClient.Builder scimClientBuilder(ScimClientBuilderConfigurer configurer) {
		return configurer.builder();
	}

	/*
	 * The client, created when first needed: an application that builds a client per
	 * Grantex account may have no credential of its own to give this one.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ScimClient scimClient(ScimClientBuilderConfigurer configurer, Environment environment) {
		if (!configurer.hasCredential()) {
			throw new GrantexScimCredentialsMissingException(Arrays.asList(environment.getActiveProfiles()));
		}
		return configurer.builder().build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientCustomizersConfiguration {

		/*
		 * Applies every {@code RestClientCustomizer}, as Spring Boot does to its own
		 * {@code RestClient.Builder}: first, so that the application's own {@link
		 * ScimClientBuilderCustomizer}s come after.
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		ScimClientBuilderCustomizer grantexScimRestClientCustomizers(ObjectProvider<RestClientCustomizer> customizers) {
			return (builder) -> customizers.orderedStream()
				.forEach((customizer) -> builder.restClientCustomizer(customizer::customize));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class RetryMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GrantexScimRetryMetrics grantexScimRetryMetrics(MeterRegistry meterRegistry) {
			return new GrantexScimRetryMetrics(meterRegistry);
		}

	}

}
