package dev.grantex.scim.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.health.GrantexScimHealthIndicator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the health of the application's
 * {@link ScimClient}s, reported as {@code grantexScim} and switched by
 * {@code management.health.grantex-scim.enabled}: one {@link GrantexScimHealthIndicator}
 * for the one client, or a composite with a component per client bean, named after it.
 * Each probes Grantex through its own client, as the application calls it, with
 * {@code grantex.health.*}. The auto-configured client is left out when it has no
 * credential (an application that builds a client per Grantex account). Applies only with
 * Spring Boot's health support (Actuator).
 */
@AutoConfiguration(after = GrantexScimAutoConfiguration.class)
@ConditionalOnClass({ ScimClient.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ScimClient.class)
@ConditionalOnEnabledHealthIndicator("grantex-scim")
@EnableConfigurationProperties(GrantexScimProperties.class)
public final class GrantexScimHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<GrantexScimHealthIndicator, ScimClient> {

	GrantexScimHealthContributorAutoConfiguration(GrantexScimProperties properties) {
		super((client) -> new GrantexScimHealthIndicator(client, properties.health().timeout(),
				properties.health().cacheTtl(), properties.health().validateApiKey()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "grantexScimHealthIndicator", "grantexScimHealthContributor" })
	HealthContributor grantexScimHealthContributor(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<ScimClientBuilderConfigurer> configurer) {
		ScimClientBuilderConfigurer defaults = configurer.getIfAvailable();
		boolean defaultClientUsable = defaults == null || defaults.hasCredential();
		Map<String, ScimClient> clients = new LinkedHashMap<>();
		for (String name : beanFactory.getBeanNamesForType(ScimClient.class)) {
			if (defaultClientUsable || !isTheAutoConfiguredClient(beanFactory, name)) {
				clients.put(name, beanFactory.getBean(name, ScimClient.class));
			}
		}
		if (clients.isEmpty()) {
			return (HealthIndicator) () -> Health.unknown()
				.withDetail("credentials", "none configured: no client to probe")
				.build();
		}
		return createContributor(clients);
	}

	/*
	 * Whether the bean is the client GrantexScimAutoConfiguration defines, its only
	 * ScimClient: known by its factory bean alone, since the bean definitions that Spring
	 * AOT generates name no factory method.
	 */
	private static boolean isTheAutoConfiguredClient(ConfigurableListableBeanFactory beanFactory, String name) {
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
		return GrantexScimAutoConfiguration.class.getName().equals(definition.getFactoryBeanName());
	}

}
