package dev.grantex.scim.autoconfigure.sanitizing;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentEntryDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceEntryDescriptor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.grantex.scim.autoconfigure.GrantexScimAutoConfiguration;
import dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails;
import dev.grantex.scim.autoconfigure.GrantexScimSanitizingAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's {@code env} endpoint, set to show values, never shows a Grantex credential,
 * also where it is part of another value: the command line,
 * {@code SPRING_APPLICATION_JSON}, a property that pulls it in through a placeholder.
 * Every other value still shows. The application is a real {@link SpringApplication}, so
 * that {@code SPRING_APPLICATION_JSON} is read as in production.
 */
class SanitizingByValueTests {

	private static final String API_KEY = "gx_live_k3yThatMustNeverShow";

	private static final String SCIM_TOKEN = "9c1e4b7a2d5f8e0b3c6a9d2f5e8b1c4a7d0e3f6b9c2a5d8e1f4b7c0a3d6e9f2b";

	private static final String HIDDEN = SanitizableData.SANITIZED_VALUE;

	@Test
	void aCommandLineThatHoldsTheApiKeyIsHidden() {
		try (ConfigurableApplicationContext context = run(Map.of(), "--grantex.api-key=" + API_KEY,
				"--app.command=java -jar provisioning.jar --grantex.api-key=" + API_KEY,
				"--app.greeting=java -jar provisioning.jar --server.port=8080")) {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);

			assertThat(valueOf(endpoint.environmentEntry("app.command"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("grantex.api-key"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("app.greeting")))
				.isEqualTo("java -jar provisioning.jar --server.port=8080");
			assertThatNoValueHoldsACredential(endpoint);
		}
	}

	@Test
	void springApplicationJsonThatHoldsTheCredentialsIsHidden() {
		String json = "{\"grantex\":{\"base-url\":\"https://grantex.example\",\"api-key\":\"" + API_KEY
				+ "\",\"scim\":{\"token\":\"" + SCIM_TOKEN + "\"}}}";
		try (ConfigurableApplicationContext context = run(
				Map.of("SPRING_APPLICATION_JSON", json, "APP_REGION", "eu-west-1"))) {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);

			assertThat(valueOf(endpoint.environmentEntry("SPRING_APPLICATION_JSON"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("grantex.api-key"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("grantex.scim.token"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("grantex.base-url"))).isEqualTo("https://grantex.example");
			assertThat(valueOf(endpoint.environmentEntry("APP_REGION"))).isEqualTo("eu-west-1");
			assertThatNoValueHoldsACredential(endpoint);
		}
	}

	@Test
	void aPropertyThatPullsACredentialInIsHidden() {
		try (ConfigurableApplicationContext context = run(Map.of(), "--grantex.scim.token=" + SCIM_TOKEN,
				"--app.authorization=Bearer ${grantex.scim.token}", "--app.accept=application/scim+json")) {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);

			assertThat(valueOf(endpoint.environmentEntry("app.authorization"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("app.accept"))).isEqualTo("application/scim+json");
			assertThatNoValueHoldsACredential(endpoint);
		}
	}

	@Test
	void aCredentialFromConnectionDetailsIsHiddenWhereverItShows() {
		try (ConfigurableApplicationContext context = run(Map.of(), new Class<?>[] { VaultConnection.class },
				"--app.command=java -jar provisioning.jar --vault.scim-token=" + SCIM_TOKEN,
				"--app.name=provisioning")) {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);

			assertThat(valueOf(endpoint.environmentEntry("app.command"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("app.name"))).isEqualTo("provisioning");
			assertThatNoValueHoldsACredential(endpoint);
		}
	}

	private static ConfigurableApplicationContext run(Map<String, Object> variables, String... args) {
		return run(variables, new Class<?>[0], args);
	}

	private static ConfigurableApplicationContext run(Map<String, Object> variables, Class<?>[] configurations,
			String... args) {
		Class<?>[] sources = new Class<?>[configurations.length + 1];
		sources[0] = Application.class;
		System.arraycopy(configurations, 0, sources, 1, configurations.length);
		SpringApplication application = new SpringApplication(sources);
		application.setWebApplicationType(WebApplicationType.NONE);
		// these variables in place of the machine's
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		application.setEnvironment(environment);
		application.setDefaultProperties(Map.of("management.endpoint.env.show-values", "always",
				"management.endpoints.web.exposure.include", "env", "spring.main.banner-mode", "off"));
		return application.run(args);
	}

	private static Object valueOf(EnvironmentEntryDescriptor entry) {
		assertThat(entry.getProperty()).as("the property is in the environment").isNotNull();
		Object summary = entry.getProperty().getValue();
		for (PropertySourceEntryDescriptor source : entry.getPropertySources()) {
			if (source.getProperty() != null) {
				assertThat(source.getProperty().getValue()).isEqualTo(summary);
			}
		}
		return summary;
	}

	private static void assertThatNoValueHoldsACredential(EnvironmentEndpoint endpoint) {
		assertThat(endpoint.environment(null).getPropertySources()).allSatisfy((source) -> source.getProperties()
			.forEach((name, value) -> assertThat(String.valueOf(value.getValue())).as(name)
				.doesNotContain(API_KEY)
				.doesNotContain(SCIM_TOKEN)));
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
			GrantexScimAutoConfiguration.class, GrantexScimSanitizingAutoConfiguration.class })
	static class Application {

	}

	/** Credentials from a secrets store rather than from {@code grantex.*}. */
	@Configuration(proxyBeanMethods = false)
	static class VaultConnection {

		@Bean
		GrantexScimConnectionDetails grantexScimConnectionDetails() {
			return new GrantexScimConnectionDetails() {

				@Override
				public URI baseUrl() {
					return URI.create("https://grantex.example");
				}

				@Override
				public String apiKey() {
					return null;
				}

				@Override
				public String scimToken() {
					return SCIM_TOKEN;
				}

			};
		}

	}

}
