package dev.grantex.scim.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentEntryDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceEntryDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.grantex.scim.ScimClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials stay out of Actuator's {@code env} and {@code configprops} endpoints
 * even where an application lets them show values, which is when Spring Boot sanitizes
 * nothing by key on its own.
 */
class GrantexScimSanitizingTests {

	private static final String API_KEY = "gx_test_sanitizingApiKey";

	private static final String SCIM_TOKEN = "5c1m70k3n5c1m70k3n5c1m70k3n5c1m70k3n5c1m70k3n5c1m70k3n5c1m70k3n";

	private static final String HIDDEN = SanitizableData.SANITIZED_VALUE;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
						ConfigurationPropertiesReportEndpointAutoConfiguration.class,
						GrantexScimAutoConfiguration.class, GrantexScimSanitizingAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"grantex.base-url=https://grantex.example", "grantex.api-key=" + API_KEY,
				"grantex.scim.token=" + SCIM_TOKEN);

	@Test
	void credentialsAreHiddenFromTheEnvEndpointWhenValuesAreShown() {
		this.contextRunner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			assertThat(valueOf(endpoint.environmentEntry("grantex.base-url"))).isEqualTo("https://grantex.example");
			assertThat(valueOf(endpoint.environmentEntry("grantex.api-key"))).isEqualTo(HIDDEN);
			assertThat(valueOf(endpoint.environmentEntry("grantex.scim.token"))).isEqualTo(HIDDEN);
		});
	}

	@Test
	void credentialsFromEnvironmentVariablesAreHiddenFromTheEnvEndpoint() {
		Map<String, Object> variables = Map.of("GRANTEX_API_KEY", API_KEY, "GRANTEX_SCIM_TOKEN", SCIM_TOKEN,
				"GRANTEX_BASE_URL", "https://env.grantex.example");
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables)))
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				assertThat(valueOf(endpoint.environmentEntry("GRANTEX_BASE_URL")))
					.isEqualTo("https://env.grantex.example");
				assertThat(valueOf(endpoint.environmentEntry("GRANTEX_API_KEY"))).isEqualTo(HIDDEN);
				assertThat(valueOf(endpoint.environmentEntry("GRANTEX_SCIM_TOKEN"))).isEqualTo(HIDDEN);
				assertThat(endpoint.environment("GRANTEX.*").getPropertySources())
					.allSatisfy((source) -> source.getProperties()
						.forEach((name, value) -> assertThat(value.getValue()).isNotIn(API_KEY, SCIM_TOKEN)));
			});
	}

	@Test
	void credentialsAreHiddenFromTheConfigpropsEndpointWhenValuesAreShown() {
		this.contextRunner.run((context) -> {
			ConfigurationPropertiesBeanDescriptor grantex = grantexDescriptor(context);
			Map<String, Object> properties = grantex.getProperties();
			assertThat(properties).containsEntry("baseUrl", "https://grantex.example")
				.containsEntry("apiKey", HIDDEN)
				.containsEntry("scim", Map.of("token", HIDDEN));
			assertThat(grantex.getInputs().toString()).contains("https://grantex.example")
				.doesNotContain(API_KEY)
				.doesNotContain(SCIM_TOKEN);
		});
	}

	@Test
	void credentialsAreHiddenAlsoWhenTheClientIsDisabled() {
		this.contextRunner.withPropertyValues("grantex.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ScimClient.class);
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			assertThat(valueOf(endpoint.environmentEntry("grantex.api-key"))).isEqualTo(HIDDEN);
		});
	}

	@Test
	void withoutActuatorNoSanitizingFunctionIsContributed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GrantexScimAutoConfiguration.class,
					GrantexScimSanitizingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.withPropertyValues("grantex.api-key=" + API_KEY)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ScimClient.class)
				.doesNotHaveBean("grantexScimCredentialsSanitizingFunction"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "grantex.api-key", "grantex.apiKey", "grantex.api_key", "GRANTEX_API_KEY",
			"GRANTEX_APIKEY", "grantex.scim.token", "GRANTEX_SCIM_TOKEN", "Grantex.Scim.Token" })
	void sanitizingFunctionMatchesEveryFormOfTheCredentialKeys(String key) {
		assertThat(GrantexScimCredentialsSanitizingFunction.isCredentialKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "grantex.base-url", "grantex.enabled", "grantex.scim", "other.api-key",
			"app.grantex.api-key", "grantex.scim.token-label", "GRANTEX_READ_TIMEOUT" })
	void sanitizingFunctionLeavesOtherKeysAlone(String key) {
		assertThat(GrantexScimCredentialsSanitizingFunction.isCredentialKey(key)).isFalse();
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

	private static ConfigurationPropertiesBeanDescriptor grantexDescriptor(ApplicationContext context) {
		ConfigurationPropertiesReportEndpoint endpoint = context.getBean(ConfigurationPropertiesReportEndpoint.class);
		return endpoint.configurationPropertiesWithPrefix("grantex")
			.getContexts()
			.values()
			.stream()
			.flatMap((each) -> each.getBeans().values().stream())
			.filter((bean) -> bean.getPrefix().equals("grantex"))
			.findFirst()
			.orElseThrow();
	}

}
