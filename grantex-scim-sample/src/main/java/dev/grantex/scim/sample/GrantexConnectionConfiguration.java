package dev.grantex.scim.sample;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails;
import dev.grantex.scim.autoconfigure.GrantexScimProperties;
import dev.grantex.scim.autoconfigure.ScimClientBuilderCustomizer;

/**
 * The sample's Grantex: the {@link GrantexConnection} bean, unless connection details
 * come from elsewhere (a test's {@code @AutoConfigureGrantexScimFake}); the choice
 * between the configured Grantex and the embedded fake is made at run time.
 */
@Configuration(proxyBeanMethods = false)
class GrantexConnectionConfiguration {

	@Bean
	@ConditionalOnMissingBean(GrantexScimConnectionDetails.class)
	GrantexConnection grantexConnection(Environment environment, GrantexScimProperties properties) {
		return GrantexConnection.configuredOrEmbedded(environment, properties, System.out);
	}

	/*
	 * With connection details of its own, the auto-configuration names this bean in the
	 * client's messages about a missing or refused credential; for a configured Grantex,
	 * the properties that set them are what a user changes.
	 */
	@Bean
	ScimClientBuilderCustomizer grantexPropertiesInMessages(ObjectProvider<GrantexConnection> connection) {
		return (builder) -> {
			GrantexConnection sample = connection.getIfAvailable();
			if (sample != null && !sample.isEmbedded()) {
				builder.settingNames("grantex.base-url (or GRANTEX_BASE_URL)", "grantex.api-key (or GRANTEX_API_KEY)",
						"grantex.scim.token (or GRANTEX_SCIM_TOKEN)");
			}
		};
	}

}
