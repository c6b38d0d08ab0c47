package dev.grantex.scim.docs.provisioning;

// tag::junit[]
import org.junit.jupiter.api.Test;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;
import dev.grantex.scim.test.junit.GrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;

@GrantexScimFake
class ProvisioningTests {

	@Test
	void onboardsANewHire(FakeGrantexAccount grantex) {
		ScimClient scim = ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(grantex.scimToken()).build();
		new Provisioning(scim).onboard("alice@example.com");
		assertThat(grantex.users()).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
	}

	@Test
	void survivesAnOutage(FakeGrantexAccount grantex, FakeGrantexServer server) {
		// the first POST is answered 503, as if Grantex were restarting
		server.faults()
			.enqueue(FaultTarget.route("POST", "/scim/v2/Users"),
					Fault.serverError(503).withHeader("retry-after", "0"));
		ScimClient scim = ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(grantex.scimToken()).build();
		new Provisioning(scim).onboard("alice@example.com");
		assertThat(grantex.users()).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
		// it checked that the first attempt created nobody, then sent it again
		assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "GET", "POST");
	}

}
// end::junit[]
