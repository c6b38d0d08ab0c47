package dev.grantex.scim.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.grantex.scim.RetrySettings;
import dev.grantex.scim.ScimClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and start-up validation of {@link GrantexScimProperties}.
 */
class GrantexScimPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GrantexScimAutoConfiguration.class));

	@Test
	void defaultsAreTheClientsDefaults() {
		GrantexScimProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.baseUrl()).isEqualTo(ScimClient.DEFAULT_BASE_URL);
		assertThat(properties.apiKey()).isNull();
		assertThat(properties.scim().token()).isNull();
		assertThat(properties.connectTimeout()).isNull();
		assertThat(properties.readTimeout()).isNull();
		assertThat(properties.patchValidation()).isTrue();
		assertThat(properties.hasCredential()).isFalse();
		assertThat(properties.retry().toSettings()).isEqualTo(RetrySettings.defaults());
	}

	@Test
	void everyRetrySettingBinds() {
		GrantexScimProperties properties = bind(Map.of("grantex.retry.enabled", "false", "grantex.retry.max-attempts",
				"6", "grantex.retry.initial-delay", "50ms", "grantex.retry.multiplier", "3", "grantex.retry.max-delay",
				"2s", "grantex.retry.jitter", "0.1", "grantex.retry.deadline", "20s", "grantex.retry.max-retry-after",
				"5s"));
		assertThat(properties.retry().toSettings()).isEqualTo(new RetrySettings(false, 6, Duration.ofMillis(50), 3.0,
				Duration.ofSeconds(2), 0.1, Duration.ofSeconds(20), Duration.ofSeconds(5)));
	}

	@Test
	void everySettingBinds() {
		GrantexScimProperties properties = bind(
				Map.of("grantex.enabled", "true", "grantex.base-url", "http://localhost:8080/grantex",
						"grantex.api-key", "gx_test_abc", "grantex.scim.token", "0123abcd", "grantex.connect-timeout",
						"2s", "grantex.read-timeout", "1500ms", "grantex.patch-validation", "false"));
		assertThat(properties.baseUrl()).hasToString("http://localhost:8080/grantex");
		assertThat(properties.apiKey()).isEqualTo("gx_test_abc");
		assertThat(properties.scim().token()).isEqualTo("0123abcd");
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(properties.patchValidation()).isFalse();
		assertThat(properties.hasCredential()).isTrue();
	}

	@Test
	void toStringNeverShowsACredential() {
		GrantexScimProperties properties = bind(
				Map.of("grantex.api-key", "gx_test_secretKey", "grantex.scim.token", "secretToken0123"));
		assertThat(properties.toString()).doesNotContain("secretKey")
			.doesNotContain("secretToken")
			.contains("apiKey=******")
			.contains("token=******");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					grantex.base-url        | ftp://files.grantex.example   | grantex.base-url must be an absolute http or https URL
					grantex.base-url        | api.grantex.dev               | grantex.base-url must be an absolute http or https URL
					grantex.base-url        | https://api.grantex.dev?a=b   | grantex.base-url must not have a query or fragment
					grantex.base-url        | https://:443                  | grantex.base-url has no valid host name
					grantex.base-url        | https://exa mple.com          | grantex.base-url has no valid host name
					grantex.base-url        | 'https://[oops'               | grantex.base-url
					grantex.api-key         | ''                            | grantex.api-key is set but blank
					grantex.api-key         | gx_test_abc def               | grantex.api-key must not contain whitespace
					grantex.scim.token      | ''                            | grantex.scim.token is set but blank
					grantex.scim.token      | 0123 abcd                     | grantex.scim.token must not contain whitespace
					grantex.connect-timeout | -1s                           | grantex.connect-timeout must be positive, such as 10s or 500ms, was -1000ms
					grantex.connect-timeout | 0ms                           | grantex.connect-timeout must be positive
					grantex.read-timeout    | -5s                           | grantex.read-timeout must be positive
					grantex.read-timeout    | soon                          | grantex.read-timeout
					grantex.enabled         | maybe                         | grantex.enabled
					grantex.retry.max-attempts | 0                          | grantex.retry.max-attempts must be at least 1
					grantex.retry.multiplier | 0.5                          | grantex.retry.multiplier must be at least 1
					grantex.retry.jitter    | 1.5                           | grantex.retry.jitter must be between 0 and 1
					grantex.retry.deadline  | 0s                            | grantex.retry.deadline must be positive
					grantex.retry.initial-delay | -1s                       | grantex.retry.initial-delay must not be negative
					""")
	void invalidSettingFailsStartupNamingTheProperty(String property, String value, String expectedMessage) {
		List<String> pairs = new ArrayList<>(List.of("grantex.api-key=gx_test_valid", "grantex.scim.token=0123abcd"));
		pairs.add(property + "=" + value);
		this.contextRunner.withPropertyValues(pairs.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(expectedMessage);
		});
	}

	@Test
	void invalidCredentialOrUserInformationIsNeverEchoed() {
		this.contextRunner.withPropertyValues("grantex.api-key=gx_test_secret key").run((context) -> {
			assertThat(messages(context.getStartupFailure())).contains("grantex.api-key").doesNotContain("secret key");
		});
		this.contextRunner
			.withPropertyValues("grantex.api-key=gx_test_valid",
					"grantex.base-url=https://user:hunter2@grantex.example")
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains("grantex.base-url must not contain user information")
				.doesNotContain("hunter2"));
	}

	private static GrantexScimProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("grantex",
				GrantexScimProperties.class);
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable each = failure; each != null; each = each.getCause()) {
			messages.append(each.getMessage()).append('\n');
		}
		return messages.toString();
	}

}
