package dev.grantex.scim.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.StandardEnvironment;

import dev.grantex.scim.ScimClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees on the console when a real application fails to start: the failure
 * analyzers are found through {@code META-INF/spring.factories} and the
 * auto-configuration through its imports file, as in an application.
 */
@ExtendWith(OutputCaptureExtension.class)
class GrantexScimStartupFailureTests {

	@Test
	void noCredentialAtAllIsExplainedByTheFailureAnalyzer(CapturedOutput output) {
		run("--grantex.base-url=https://grantex.example");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The Grantex SCIM client has no credential to call Grantex with.")
			.contains("    grantex.api-key      the developer API key, to manage SCIM tokens (/v1/scim/tokens)")
			.contains("        token: 3f9a...        # a SCIM token (64 hex characters) created with the API key")
			.contains("If this application should not call Grantex, set grantex.enabled=false.");
	}

	@Test
	void invalidSettingIsExplainedNamingTheProperty(CapturedOutput output) {
		run("--grantex.api-key=gx_test_valid", "--grantex.base-url=ftp://files.grantex.example");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under 'grantex'")
			.contains("grantex.base-url must be an absolute http or https URL, such as https://api.grantex.dev; "
					+ "its scheme was 'ftp'");
	}

	@Test
	void secretsNeverAppearInTheStartupFailureOutput(CapturedOutput output) {
		run("--grantex.api-key=gx_test_secret key");
		run("--grantex.api-key=gx_test_valid", "--grantex.base-url=https://user:hunter2@grantex.example");
		assertThat(output).contains("grantex.api-key holds a character that is not visible ASCII")
			.contains("grantex.base-url must not contain user information")
			.doesNotContain("secret")
			.doesNotContain("hunter2");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// the real environment variables must not supply a credential to this test
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		application.setEnvironment(environment);
		assertThatException().isThrownBy(() -> application.run(args));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		/** A service of the application's that needs the client. */
		@Bean
		Object provisioning(ScimClient client) {
			return client;
		}

	}

}
