package dev.grantex.scim.autoconfigure;

import java.net.http.HttpClient;
import java.util.Arrays;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.RetryListener;
import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.metrics.ScimClientRetryMetrics;
import dev.grantex.scim.observation.ScimClientObservationConvention;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Grantex {@link ScimClient}.
 *
 * <p>
 * The client starts from a clone of Boot's {@link RestClient.Builder} (so the
 * application's {@code RestClientCustomizer}s and observation registry apply, and the
 * application's builder is not changed), with a request factory from Boot's
 * {@link ClientHttpRequestFactoryBuilder} and {@link HttpClientSettings} (so
 * {@code spring.http.clients.*}, including its SSL bundle, applies) with this client's
 * own timeouts. Over {@code http://}, a JDK {@link HttpClient} is told to speak HTTP/1.1:
 * Grantex refuses the cleartext HTTP/2 upgrade that the JDK client attempts by default.
 *
 * <p>
 * With Boot's {@link ObservationRegistry} (Actuator), every operation is observed as
 * {@code grantex.scim.client.operation}, named and tagged by the application's
 * {@link ScimClientObservationConvention} bean if it has one, and switched off by
 * {@code management.observations.enable.grantex=false}; with a {@link MeterRegistry},
 * retries are counted as {@code grantex.scim.client.retries}. Every {@link RetryListener}
 * bean is told of every retry.
 */
@AutoConfiguration(after = { HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class },
		afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
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
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ScimClientObservationConvention> observationConvention,
			ObjectProvider<RetryListener> retryListeners, ObjectProvider<ScimClientBuilderCustomizer> customizers) {
		if (!properties.hasCredential()) {
			throw new GrantexScimCredentialsMissingException(Arrays.asList(environment.getActiveProfiles()));
		}
		ScimClientBuilderFactory factory = new ScimClientBuilderFactory(properties, resourceLoader, restClientBuilder,
				requestFactoryBuilder, httpClientSettings);
		ScimClient.Builder builder = factory.builder(factory.connectTimeout(), factory.readTimeout())
			.retry(properties.retry().toSettings());
		observationRegistry.ifAvailable(builder::observationRegistry);
		observationConvention.ifAvailable(builder::observationConvention);
		retryListeners.orderedStream().forEach(builder::retryListener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class RetryMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ScimClientRetryMetrics scimClientRetryMetrics(MeterRegistry meterRegistry) {
			return new ScimClientRetryMetrics(meterRegistry);
		}

	}

}
