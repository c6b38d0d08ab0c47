package dev.grantex.scim.docs.wiring;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails;
import dev.grantex.scim.autoconfigure.ScimClientBuilderCustomizer;
import dev.grantex.scim.retry.ScimRetrySettings;

/**
 * The README's examples of a {@link GrantexScimConnectionDetails} bean and a
 * {@link ScimClientBuilderCustomizer} bean.
 */
@Configuration(proxyBeanMethods = false)
public class GrantexConfiguration {

	// tag::connection-details[]
	@Bean
	GrantexScimConnectionDetails grantexConnectionDetails(SecretStore secrets) {
		return new GrantexScimConnectionDetails() {

			@Override
			public URI baseUrl() {
				return URI.create(secrets.secret("grantex-base-url"));
			}

			@Override
			public @Nullable String apiKey() {
				return null; // this application only provisions users
			}

			@Override
			public String scimToken() {
				return secrets.secret("grantex-scim-token");
			}

		};
	}
	// end::connection-details[]

	// tag::customizer[]
	@Bean
	ScimClientBuilderCustomizer grantexClientCustomizer() {
		return (builder) -> builder.clientName("provisioning")
			.retry(ScimRetrySettings.builder().maxAttempts(6).build());
	}
	// end::customizer[]

}
