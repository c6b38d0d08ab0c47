package dev.grantex.scim.autoconfigure.tenants;

// tag::tenants[]
import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.grantex.scim.ScimClient;

/**
 * One {@link ScimClient} per Grantex account, each built from the starter's
 * {@link ScimClient.Builder}: a new builder for every client, with everything the starter
 * configures (HTTP client, timeouts, retries, observations, customizers), to which each
 * account adds its own base URL, SCIM token and name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantClients.Tenants.class)
public class TenantClients {

	@Bean
	ScimClient acmeScimClient(ScimClient.Builder builder, Tenants tenants) {
		return builder.baseUrl(tenants.acme().baseUrl())
			.scimToken(tenants.acme().scimToken())
			.clientName("acme")
			.build();
	}

	@Bean
	ScimClient globexScimClient(ScimClient.Builder builder, Tenants tenants) {
		return builder.baseUrl(tenants.globex().baseUrl())
			.scimToken(tenants.globex().scimToken())
			.clientName("globex")
			.build();
	}

	/**
	 * The Grantex accounts, bound from {@code tenants.*}.
	 *
	 * @param acme Acme's account
	 * @param globex Globex's account
	 */
	@ConfigurationProperties("tenants")
	public record Tenants(Account acme, Account globex) {
	}

	/**
	 * A Grantex account.
	 *
	 * @param baseUrl where its Grantex is
	 * @param scimToken its SCIM token
	 */
	public record Account(URI baseUrl, String scimToken) {
	}

}
// end::tenants[]
