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
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.retry.ScimRetrySettings;

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
		assertThat(properties.baseUri()).isEqualTo(ScimClient.DEFAULT_BASE_URL);
		assertThat(properties.apiKey()).isNull();
		assertThat(properties.scim().token()).isNull();
		assertThat(properties.http().factory()).isNull();
		assertThat(properties.http().connectTimeout()).isNull();
		assertThat(properties.http().readTimeout()).isNull();
		assertThat(properties.http().maxConnections()).isEqualTo(ScimClient.DEFAULT_MAX_CONNECTIONS);
		assertThat(properties.http().ssl().bundle()).isNull();
		assertThat(properties.maxResponseSize().toBytes()).isEqualTo(ScimClient.DEFAULT_MAX_RESPONSE_SIZE);
		assertThat(properties.patchValidation()).isTrue();
		assertThat(properties.rateLimit().pacing()).isTrue();
		assertThat(properties.rateLimit().reserve()).isZero();
		assertThat(properties.retry().toSettings()).isEqualTo(ScimRetrySettings.defaults());
	}

	@Test
	void everyRetrySettingBinds() {
		GrantexScimProperties properties = bind(Map.of("grantex.retry.enabled", "false", "grantex.retry.max-attempts",
				"6", "grantex.retry.initial-delay", "50ms", "grantex.retry.multiplier", "3", "grantex.retry.max-delay",
				"2s", "grantex.retry.jitter", "0.1", "grantex.retry.deadline", "20s", "grantex.retry.max-retry-after",
				"5s"));
		assertThat(properties.retry().toSettings()).isEqualTo(new ScimRetrySettings(false, 6, Duration.ofMillis(50),
				3.0, Duration.ofSeconds(2), 0.1, Duration.ofSeconds(20), Duration.ofSeconds(5)));
	}

	@Test
	void everySettingBinds() {
		GrantexScimProperties properties = bind(Map.ofEntries(Map.entry("grantex.enabled", "true"),
				Map.entry("grantex.base-url", "http://localhost:8080/grantex"),
				Map.entry("grantex.api-key", "gx_test_abc"), Map.entry("grantex.scim.token", "0123abcd"),
				Map.entry("grantex.http.factory", "jdk"), Map.entry("grantex.http.connect-timeout", "2s"),
				Map.entry("grantex.http.read-timeout", "1500ms"), Map.entry("grantex.http.max-connections", "8"),
				Map.entry("grantex.http.ssl.bundle", "grantex-ca"), Map.entry("grantex.max-response-size", "1MB"),
				Map.entry("grantex.patch-validation", "false"), Map.entry("grantex.rate-limit.pacing", "false"),
				Map.entry("grantex.rate-limit.reserve", "0.5")));
		assertThat(properties.baseUri()).hasToString("http://localhost:8080/grantex");
		assertThat(properties.apiKey()).isEqualTo("gx_test_abc");
		assertThat(properties.scim().token()).isEqualTo("0123abcd");
		assertThat(properties.http().factory()).isEqualTo(ImperativeHttpClientsProperties.Factory.JDK);
		assertThat(properties.http().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.http().readTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(properties.http().maxConnections()).isEqualTo(8);
		assertThat(properties.http().ssl().bundle()).isEqualTo("grantex-ca");
		assertThat(properties.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(properties.patchValidation()).isFalse();
		assertThat(properties.rateLimit().pacing()).isFalse();
		assertThat(properties.rateLimit().reserve()).isEqualTo(0.5);
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
					grantex.base-url        | https://exa mple.com          | grantex.base-url is not a valid URL
					grantex.base-url        | 'https://[oops'               | grantex.base-url is not a valid URL
					grantex.base-url        | ''                            | grantex.base-url is set but empty
					grantex.api-key         | ''                            | grantex.api-key is set but blank
					grantex.api-key         | gx_test_abc def               | grantex.api-key holds a character that is not visible ASCII (at position 12 of 15: a space)
					grantex.api-key         | gx_test_€uro                  | grantex.api-key holds a character that is not visible ASCII (at position 9 of 12: a non-ASCII character, U+20AC)
					grantex.api-key         | ${GRANTEX_UNSET_KEY}          | grantex.api-key is set to the placeholder ${GRANTEX_UNSET_KEY}, which nothing resolves
					grantex.scim.token      | ''                            | grantex.scim.token is set but blank
					grantex.scim.token      | 0123 abcd                     | grantex.scim.token holds a character that is not visible ASCII
					grantex.http.connect-timeout | -1s                      | grantex.http.connect-timeout must be positive, such as 10s or 500ms, was -1000ms
					grantex.http.connect-timeout | 0ms                      | grantex.http.connect-timeout must be positive
					grantex.http.read-timeout | -5s                         | grantex.http.read-timeout must be positive
					grantex.http.read-timeout | soon                        | grantex.http.read-timeout
					grantex.http.max-connections | 0                        | grantex.http.max-connections must be at least 1
					grantex.http.factory    | carrier-pigeon                | grantex.http.factory
					grantex.max-response-size | 1KB                         | grantex.max-response-size must be at least 64KB
					grantex.rate-limit.reserve | 1                          | grantex.rate-limit.reserve must be at least 0 and less than 1
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
		this.contextRunner.withPropertyValues("grantex.api-key=gx_test_secret key")
			.run((context) -> assertThat(messages(context.getStartupFailure())).contains("grantex.api-key")
				.doesNotContain("secret"));
		this.contextRunner
			.withPropertyValues("grantex.api-key=gx_test_valid",
					"grantex.base-url=https://user:hunter2@grantex.example")
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains("grantex.base-url must not contain user information")
				.doesNotContain("hunter2"));
		this.contextRunner
			.withPropertyValues("grantex.api-key=gx_test_valid",
					"grantex.base-url=https://grantex.example/api?token=hunter2#x")
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains("grantex.base-url must not have a query or fragment (?… or #…): "
						+ "https://grantex.example/api is the part that may stay")
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
