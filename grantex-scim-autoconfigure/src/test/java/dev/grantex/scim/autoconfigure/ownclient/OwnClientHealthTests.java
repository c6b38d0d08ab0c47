package dev.grantex.scim.autoconfigure.ownclient;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.GrantexScimAutoConfiguration;
import dev.grantex.scim.autoconfigure.GrantexScimHealthContributorAutoConfiguration;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An application that builds its {@code ScimClient} itself, with
 * {@link ScimClient#builder()}, gets the {@code grantexScim} health of that client: the
 * indicator probes the Grantex that client calls, with its credentials, and no other;
 * with several client beans, {@code grantexScim} has a component per bean, named after
 * it. Read through Actuator's {@link HealthEndpoint}, as {@code /actuator/health} shows
 * it.
 */
class OwnClientHealthTests {

	private static final String PROBE_OF_THE_CONFIGURATION = "/scim/v2/ServiceProviderConfig";

	private static final String PROBE_OF_THE_TOKEN = "/scim/v2/Users?startIndex=1&count=1";

	/** The Grantex that {@code grantex.*} names, which the application does not call. */
	private static FakeGrantexServer configured;

	private static String configuredToken;

	private static FakeGrantexServer crm;

	private static FakeGrantexServer hr;

	private static String crmToken;

	private static String hrToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				GrantexScimAutoConfiguration.class, GrantexScimHealthContributorAutoConfiguration.class))
		.withPropertyValues("grantex.health.cache-ttl=0");

	@BeforeAll
	static void startGrantex() {
		configured = FakeGrantexServer.start();
		configuredToken = configured.createScimToken(configured.createDeveloper(), "not-called");
		crm = FakeGrantexServer.start();
		crmToken = crm.createScimToken(crm.createDeveloper(), "crm");
		hr = FakeGrantexServer.start();
		hrToken = hr.createScimToken(hr.createDeveloper(), "hr");
	}

	@AfterAll
	static void stopGrantex() {
		configured.close();
		crm.close();
		hr.close();
	}

	@BeforeEach
	void forgetRequests() {
		configured.clearRequests();
		crm.clearRequests();
		hr.clearRequests();
	}

	private ApplicationContextRunner withGrantexConfigured() {
		return this.contextRunner.withPropertyValues("grantex.base-url=" + configured.baseUrl(),
				"grantex.scim.token=" + configuredToken);
	}

	@Test
	void aUsersOwnClientIsProbedByTheHealthIndicator() {
		withGrantexConfigured().withUserConfiguration(CrmClient.class).run((context) -> {
			assertThat(context).hasSingleBean(ScimClient.class).hasBean("crmScimClient");

			HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath("grantexScim");

			assertThat(health).isInstanceOf(IndicatedHealthDescriptor.class);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(((IndicatedHealthDescriptor) health).getDetails())
				.containsEntry("baseUrl", crm.baseUrl().toString())
				.containsEntry("credentials", Map.of("scimToken", "valid", "apiKey", "not configured"));
			assertThat(crm.requests()).extracting(RecordedRequest::method, RecordedRequest::rawTarget)
				.containsExactly(tuple("GET", PROBE_OF_THE_CONFIGURATION), tuple("GET", PROBE_OF_THE_TOKEN));
			assertThat(crm.requests().get(1).header("Authorization")).isEqualTo("Bearer " + crmToken);
			assertThat(configured.requests()).isEmpty();
		});
	}

	@Test
	void aUsersOwnClientWhoseTokenGrantexRefusesIsDown() {
		withGrantexConfigured().withUserConfiguration(RevokedClient.class).run((context) -> {
			HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath("grantexScim");

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(((IndicatedHealthDescriptor) health).getDetails())
				.containsEntry("baseUrl", crm.baseUrl().toString())
				.containsEntry("statusCode", 401)
				.containsEntry("credentials", Map.of("scimToken", "refused", "apiKey", "not configured"));
			assertThat(crm.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly(PROBE_OF_THE_CONFIGURATION, PROBE_OF_THE_TOKEN);
			assertThat(configured.requests()).isEmpty();
		});
	}

	@Test
	void twoClientBeansAreTwoComponentsNamedAfterTheBeans() {
		withGrantexConfigured().withUserConfiguration(CrmClient.class, HrClient.class).run((context) -> {
			HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath("grantexScim");

			assertThat(health).isInstanceOf(CompositeHealthDescriptor.class);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			Map<String, HealthDescriptor> components = ((CompositeHealthDescriptor) health).getComponents();
			assertThat(components).containsOnlyKeys("crmScimClient", "hrScimClient");
			assertThat(((IndicatedHealthDescriptor) components.get("crmScimClient")).getDetails())
				.containsEntry("baseUrl", crm.baseUrl().toString());
			assertThat(((IndicatedHealthDescriptor) components.get("hrScimClient")).getDetails())
				.containsEntry("baseUrl", hr.baseUrl().toString());
			assertThat(crm.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly(PROBE_OF_THE_CONFIGURATION, PROBE_OF_THE_TOKEN);
			assertThat(crm.requests().get(1).header("Authorization")).isEqualTo("Bearer " + crmToken);
			assertThat(hr.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly(PROBE_OF_THE_CONFIGURATION, PROBE_OF_THE_TOKEN);
			assertThat(hr.requests().get(1).header("Authorization")).isEqualTo("Bearer " + hrToken);
			assertThat(configured.requests()).isEmpty();
		});
	}

	@Test
	void aUsersOwnClientIsProbedWithoutAnyGrantexProperty() {
		this.contextRunner.withUserConfiguration(CrmClient.class).run((context) -> {
			HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath("grantexScim");

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(crm.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly(PROBE_OF_THE_CONFIGURATION, PROBE_OF_THE_TOKEN);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CrmClient {

		@Bean
		ScimClient crmScimClient() {
			return ScimClient.builder().baseUrl(crm.baseUrl()).scimToken(crmToken).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HrClient {

		@Bean
		ScimClient hrScimClient() {
			return ScimClient.builder().baseUrl(hr.baseUrl()).scimToken(hrToken).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RevokedClient {

		@Bean
		ScimClient crmScimClient() {
			return ScimClient.builder().baseUrl(crm.baseUrl()).scimToken("0".repeat(64)).build();
		}

	}

}
