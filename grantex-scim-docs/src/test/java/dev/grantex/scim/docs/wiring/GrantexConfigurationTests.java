package dev.grantex.scim.docs.wiring;

import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.GrantexScimAutoConfiguration;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@link GrantexConfiguration}: the auto-configured client is built from the
 * connection details it reads from a secret store, with no {@code grantex.*} property
 * set, and its customizer names the client and allows six attempts.
 */
class GrantexConfigurationTests {

	private static final FakeGrantexServer server = FakeGrantexServer.start();

	private static final FakeGrantexAccount account = FakeGrantexAccount.create(server, "readme");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, GrantexScimAutoConfiguration.class))
		.withUserConfiguration(GrantexConfiguration.class)
		.withBean(SecretStore.class,
				() -> Map.of("grantex-base-url", account.baseUrl().toString(), "grantex-scim-token",
						account.scimToken())::get)
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create);

	@AfterAll
	static void stopGrantex() {
		server.close();
	}

	@Test
	void theClientIsBuiltFromTheSecretStore() {
		this.contextRunner.run((context) -> {
			ScimClient scim = context.getBean(ScimClient.class);
			assertThat(scim.baseUrl()).isEqualTo(account.baseUrl());
			assertThat(scim.credentials()).containsExactly(ScimCredential.SCIM_TOKEN);
			assertThat(scim.listUsers().resources()).isEmpty();
		});
	}

	@Test
	void theCustomizerNamesTheClientAndAllowsSixAttempts() {
		this.contextRunner.run((context) -> {
			server.faults()
				.enqueue(FaultTarget.route("GET", "/scim/v2/Users"),
						Fault.serverError(503).withHeader("retry-after", "0"),
						Fault.serverError(503).withHeader("retry-after", "0"),
						Fault.serverError(503).withHeader("retry-after", "0"),
						Fault.serverError(503).withHeader("retry-after", "0"),
						Fault.serverError(503).withHeader("retry-after", "0"));

			context.getBean(ScimClient.class).listUsers();

			assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("grantex.scim.client.operation")
				.that()
				.hasLowCardinalityKeyValue("client.name", "provisioning")
				.hasLowCardinalityKeyValue("outcome", "success");
			assertThat(server.faults().pending()).isZero();
		});
	}

}
