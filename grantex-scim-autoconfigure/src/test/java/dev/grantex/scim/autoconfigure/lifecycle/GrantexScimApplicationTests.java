package dev.grantex.scim.autoconfigure.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.GrantexScimProperties;
import dev.grantex.scim.model.ScimToken;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application configured only by {@code application-lifecycle.yml}, whose
 * placeholders name the environment variables an application would use; here they point
 * at the fake Grantex server. The application's own service, with the auto-configured
 * {@link ScimClient} injected, runs the whole lifecycle.
 */
@SpringBootTest(classes = ProvisioningApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("lifecycle")
class GrantexScimApplicationTests {

	private static final FakeGrantexServer grantex = FakeGrantexServer.start();

	private static final String apiKey = grantex.createDeveloper();

	private static final String scimToken = grantex.createScimToken(apiKey, "okta-prod");

	@DynamicPropertySource
	static void grantexEnvironment(DynamicPropertyRegistry registry) {
		registry.add("GRANTEX_BASE_URL", () -> grantex.baseUrl().toString());
		registry.add("GRANTEX_API_KEY", () -> apiKey);
		registry.add("GRANTEX_SCIM_TOKEN", () -> scimToken);
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@Autowired
	private ProvisioningService provisioning;

	@Autowired
	private GrantexScimProperties properties;

	@Test
	void applicationRunsTheWholeLifecycleThroughItsInjectedService() {
		assertThat(this.properties.baseUri()).isEqualTo(grantex.baseUrl());
		assertThat(this.properties.http().readTimeout()).hasSeconds(5);

		ScimTokenWithSecret token = this.provisioning.connectIdentityProvider("azure-ad");
		assertThat(this.provisioning.identityProviders()).extracting(ScimToken::label).contains("azure-ad");

		ScimUser alice = this.provisioning.onboard("alice", "Alice Liddell", "alice@example.com");
		assertThat(grantex.users(apiKey)).extracting(FakeScimUser::userName).containsExactly("alice");
		assertThat(this.provisioning.find(alice.id()).displayName()).isEqualTo("Alice Liddell");
		assertThat(this.provisioning.everyone()).extracting(ScimUser::id).containsExactly(alice.id());

		assertThat(this.provisioning.rename(alice.id(), "Alice L.").displayName()).isEqualTo("Alice L.");
		assertThat(grantex.users(apiKey)).singleElement()
			.satisfies((stored) -> assertThat(stored.displayName()).isEqualTo("Alice L."));

		assertThat(this.provisioning.suspend(alice.id()).active()).isFalse();
		assertThat(grantex.users(apiKey)).singleElement().satisfies((stored) -> assertThat(stored.active()).isFalse());

		this.provisioning.offboard(alice.id());
		assertThat(grantex.users(apiKey)).isEmpty();

		this.provisioning.disconnectIdentityProvider(token.id());
		assertThat(grantex.tokens(apiKey)).filteredOn((each) -> each.id().equals(token.id()))
			.singleElement()
			.satisfies((revoked) -> assertThat(revoked.revoked()).isTrue());

		assertThat(grantex.requests()).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.status()).as("%s", request).isLessThan(400);
			assertThat(request.headerValues("Upgrade")).as("%s", request).isEmpty();
		});
	}

}
