package dev.grantex.scim.autoconfigure;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.RetrySettings;
import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.health.GrantexScimHealthIndicator;
import dev.grantex.scim.error.ScimCredential;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link GrantexScimHealthIndicator}, reported as {@code grantexScim} and switched by
 * {@code management.health.grantex-scim.enabled}. Applies only when Spring Boot's health
 * support ({@code spring-boot-health}, part of Actuator) is on the class path and the
 * Grantex client is configured.
 *
 * <p>
 * The indicator probes Grantex with a client of its own, set up from the same
 * {@code grantex.*} properties and Boot's HTTP client settings as the application's, but
 * with {@code grantex.health.timeout} as its timeouts, without retries, and without
 * observations (so that the probes neither appear in the application's metrics and traces
 * nor slow the health endpoint); {@link ScimClientBuilderCustomizer} beans are not
 * applied to it.
 */
@AutoConfiguration(after = GrantexScimAutoConfiguration.class)
@ConditionalOnClass({ ScimClient.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ ScimClient.class, GrantexScimProperties.class })
@ConditionalOnEnabledHealthIndicator("grantex-scim")
public final class GrantexScimHealthContributorAutoConfiguration {

	GrantexScimHealthContributorAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = { "grantexScimHealthIndicator", "grantexScimHealthContributor" })
	GrantexScimHealthIndicator grantexScimHealthIndicator(GrantexScimProperties properties,
			ResourceLoader resourceLoader, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		GrantexScimProperties.Health health = properties.health();
		Duration timeout = health.timeout();
		ScimClient probe = new ScimClientBuilderFactory(properties, resourceLoader, restClientBuilder,
				requestFactoryBuilder, httpClientSettings)
			.builder(timeout, timeout)
			.retry(RetrySettings.disabled())
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
		return new GrantexScimHealthIndicator(probe, properties.baseUrl(), configuredCredentials(properties),
				health.validateApiKey(), health.cacheTtl());
	}

	private static Set<ScimCredential> configuredCredentials(GrantexScimProperties properties) {
		Set<ScimCredential> credentials = EnumSet.noneOf(ScimCredential.class);
		if (properties.apiKey() != null) {
			credentials.add(ScimCredential.API_KEY);
		}
		if (properties.scim().token() != null) {
			credentials.add(ScimCredential.SCIM_TOKEN);
		}
		return credentials;
	}

}
