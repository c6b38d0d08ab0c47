package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link GrantexScimAutoConfiguration}, one behaviour per test, with Boot's HTTP client
 * and RestClient auto-configurations as an application has them, against the fake Grantex
 * server where the wire matters. How the client's HTTP client is built is in
 * {@link GrantexScimHttpClientTests}.
 */
class GrantexScimAutoConfigurationTests {

	private static FakeGrantexServer grantex;

	private static String apiKey;

	private static String scimToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, GrantexScimAutoConfiguration.class));

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
		apiKey = grantex.createDeveloper();
		scimToken = grantex.createScimToken(apiKey, "autoconfigure-tests");
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@BeforeEach
	void forgetRequests() {
		grantex.clearRequests();
	}

	private static String baseUrl() {
		return "grantex.base-url=" + grantex.baseUrl();
	}

	@Test
	void clientIsCreatedWithOnlyAnApiKey() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.api-key=" + apiKey).run((context) -> {
			assertThat(context).hasSingleBean(ScimClient.class)
				.hasSingleBean(GrantexScimProperties.class)
				.hasSingleBean(GrantexScimConnectionDetails.class)
				.hasSingleBean(ScimClientBuilderConfigurer.class);
			ScimClient client = context.getBean(ScimClient.class);
			assertThat(client.createToken("only-api-key").label()).isEqualTo("only-api-key");
			assertThat(grantex.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + apiKey));
		});
	}

	@Test
	void clientIsCreatedWithOnlyAScimToken() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			assertThat(context).hasSingleBean(ScimClient.class);
			ScimUser user = context.getBean(ScimClient.class).createUser(CreateScimUserParams.of("only-token"));
			assertThat(grantex.users(apiKey)).extracting("id").contains(user.id());
			assertThat(grantex.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + scimToken));
		});
	}

	@Test
	void environmentVariablesSupplyTheCredentials() {
		Map<String, Object> variables = Map.of("GRANTEX_API_KEY", apiKey, "GRANTEX_SCIM_TOKEN", scimToken);
		this.contextRunner.withPropertyValues(baseUrl())
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables)))
			.run((context) -> {
				GrantexScimConnectionDetails connection = context.getBean(GrantexScimConnectionDetails.class);
				assertThat(connection.apiKey()).isEqualTo(apiKey);
				assertThat(connection.scimToken()).isEqualTo(scimToken);
			});
	}

	@Test
	void callNeedingTheMissingCredentialNamesItsPropertyAndSendsNothing() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			assertThatExceptionOfType(ScimMissingCredentialException.class)
				.isThrownBy(() -> client.createToken("needs-the-api-key"))
				.withMessageContaining("grantex.api-key (or GRANTEX_API_KEY)")
				.satisfies((ex) -> assertThat(ex.credential()).isEqualTo(ScimCredential.API_KEY));
			assertThat(grantex.requests()).isEmpty();
		});
	}

	@Test
	void connectionDetailsOfTheApplicationReplaceTheProperties() {
		this.contextRunner.withPropertyValues("grantex.base-url=https://unused.example", "grantex.api-key=gx_unused")
			.withBean(GrantexScimConnectionDetails.class,
					() -> new FixedConnectionDetails(grantex.baseUrl(), scimToken))
			.run((context) -> {
				ScimClient client = context.getBean(ScimClient.class);
				assertThat(client.baseUrl()).isEqualTo(grantex.baseUrl());
				assertThat(client.credentials()).containsExactly(ScimCredential.SCIM_TOKEN);
				client.listUsers();
				assertThat(grantex.requests()).singleElement()
					.satisfies(
							(request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + scimToken));
			});
	}

	@Test
	void connectionDetailsOfTheApplicationAreNamedInMessages() {
		this.contextRunner
			.withBean(GrantexScimConnectionDetails.class,
					() -> new FixedConnectionDetails(grantex.baseUrl(), scimToken))
			.run((context) -> assertThatExceptionOfType(ScimMissingCredentialException.class)
				.isThrownBy(() -> context.getBean(ScimClient.class).createToken("needs-the-api-key"))
				.withMessageContaining("the " + FixedConnectionDetails.class.getName() + " bean (apiKey)"));
	}

	@Test
	void theBuilderBeanGivesAFreshFullyWiredBuilderEachTime() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken)
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> {
				ScimClient.Builder first = context.getBean(ScimClient.Builder.class);
				ScimClient.Builder second = context.getBean(ScimClient.Builder.class);
				assertThat(first).isNotSameAs(second);
				String otherToken = grantex.createScimToken(apiKey, "tenant");
				ScimClient tenant = second.scimToken(otherToken).clientName("tenant").build();
				tenant.listUsers();
				assertThat(grantex.requests()).last()
					.satisfies(
							(request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + otherToken));
				// every builder had the application's customizers applied
				assertThat(context.getBean(OrderedCustomizers.class).applied).containsExactly("first", "second",
						"first", "second");
			});
	}

	@Test
	void backsOffForTheApplicationsOwnScimClient() {
		this.contextRunner.withPropertyValues("grantex.api-key=" + apiKey)
			.withBean("myScimClient", ScimClient.class,
					() -> ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(scimToken).build())
			.run((context) -> assertThat(context).hasSingleBean(ScimClient.class).hasBean("myScimClient"));
	}

	@Test
	void backsOffForTheApplicationsOwnScimClientEvenWithoutCredentials() {
		this.contextRunner
			.withBean("myScimClient", ScimClient.class,
					() -> ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(scimToken).build())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ScimClient.class));
	}

	@Test
	void disabledByProperty() {
		this.contextRunner.withPropertyValues("grantex.enabled=false", "grantex.api-key=" + apiKey)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ScimClient.class)
				.doesNotHaveBean(ScimClient.Builder.class)
				.doesNotHaveBean(GrantexScimProperties.class));
	}

	@Test
	void disabledByPropertyNeedsNoCredential() {
		this.contextRunner.withPropertyValues("grantex.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ScimClient.class));
	}

	@Test
	void withoutACredentialTheApplicationStartsUntilSomethingNeedsTheClient() {
		// an application that builds a client per Grantex account needs no credential of
		// its own
		this.contextRunner.withPropertyValues(baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ScimClient.Builder.class);
			ScimClient tenant = context.getBean(ScimClient.Builder.class).scimToken(scimToken).build();
			assertThat(tenant.listUsers().totalResults()).isNotNegative();
		});
	}

	@Test
	void withoutACredentialAServiceNeedingTheClientFailsStartupWithTheFailureAnalysis() {
		this.contextRunner.withPropertyValues(baseUrl()).withUserConfiguration(NeedsTheClient.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new GrantexScimCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo(String.join(System.lineSeparator(),
					"The Grantex SCIM client has no credential to call Grantex with.", "",
					"Neither of these properties is set in any property source:", "",
					"    grantex.api-key      the developer API key, to manage SCIM tokens (/v1/scim/tokens)",
					"    grantex.scim.token   a SCIM token, to provision users (/scim/v2/Users)"));
			assertThat(analysis.getAction()).contains("If you keep these settings in a profile-specific file")
				.contains("(no profiles are currently active)")
				.endsWith("If this application should not call Grantex, set grantex.enabled=false.");
		});
	}

	@Test
	void failureAnalysisNamesTheActiveProfiles() {
		this.contextRunner.withPropertyValues("spring.profiles.active=staging,eu")
			.withUserConfiguration(NeedsTheClient.class)
			.run((context) -> {
				FailureAnalysis analysis = new GrantexScimCredentialsFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("(the profiles \"staging\", \"eu\" are currently active)");
			});
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.contextRunner.withPropertyValues("grantex.base-url=https://unused.example", "grantex.api-key=" + apiKey)
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> {
				ScimClient client = context.getBean(ScimClient.class);
				assertThat(context.getBean(OrderedCustomizers.class).applied).containsExactly("first", "second");
				// the last customizer's base URL wins over grantex.base-url
				client.listTokens();
				assertThat(grantex.requests()).hasSize(1);
			});
	}

	@Test
	void restClientCustomizersOfTheApplicationApply() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken)
			.withBean(RestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Application", "customized"))
			.run((context) -> {
				context.getBean(ScimClient.class).listUsers();
				assertThat(grantex.requests()).singleElement()
					.satisfies((request) -> assertThat(request.header("X-Application")).isEqualTo("customized"));
			});
	}

	@Test
	void closingTheContextClosesTheSharedHttpClient() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			client.listUsers();
			context.close();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(client::listUsers)
				.withMessage("The Grantex SCIM client's HTTP client has been closed");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		ScimClientBuilderCustomizer second() {
			return (builder) -> {
				this.applied.add("second");
				builder.baseUrl(grantex.baseUrl());
			};
		}

		@Bean
		@Order(1)
		ScimClientBuilderCustomizer first() {
			return (builder) -> {
				this.applied.add("first");
				builder.baseUrl("https://overridden.example");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsTheClient {

		@Bean
		Object provisioning(ScimClient client) {
			return client;
		}

	}

	record FixedConnectionDetails(URI baseUrl, String scimToken) implements GrantexScimConnectionDetails {

		@Override
		public @Nullable String apiKey() {
			return null;
		}

	}

}
