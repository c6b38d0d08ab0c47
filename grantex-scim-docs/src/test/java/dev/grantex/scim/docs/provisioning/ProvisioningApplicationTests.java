package dev.grantex.scim.docs.provisioning;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@link ProvisioningApplication} as the README configures it, with its
 * {@code application.yml}: the {@code GRANTEX_*} variables point it at a fake Grantex,
 * and a variable left unset fails start-up naming it. The variables are given as
 * properties, which the placeholders resolve alike; the machine's own environment takes
 * no part.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningApplicationTests {

	private static final FakeGrantexServer server = FakeGrantexServer.start();

	private static final FakeGrantexAccount account = FakeGrantexAccount.create(server, "readme");

	@AfterAll
	static void stopGrantex() {
		server.close();
	}

	@Test
	void theVariablesPointTheInjectedClientAtGrantex() {
		try (ConfigurableApplicationContext context = application().run("--GRANTEX_BASE_URL=" + account.baseUrl(),
				"--GRANTEX_API_KEY=" + account.apiKey(), "--GRANTEX_SCIM_TOKEN=" + account.scimToken())) {
			context.getBean(Provisioning.class).onboard("alice@example.com");

			assertThat(account.users()).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
			assertThat(context.getBean(ScimClient.class).baseUrl()).isEqualTo(account.baseUrl());
		}
	}

	@Test
	void anUnsetVariableFailsStartupNamingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application().run("--GRANTEX_BASE_URL=" + account.baseUrl(),
				"--GRANTEX_SCIM_TOKEN=" + account.scimToken()));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The property grantex.api-key is set to ${GRANTEX_API_KEY}, and nothing resolves "
					+ "GRANTEX_API_KEY:")
			.contains("    export GRANTEX_API_KEY=...");
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(ProvisioningApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		application.setEnvironment(environment);
		return application;
	}

}
