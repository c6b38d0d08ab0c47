package dev.grantex.scim.docs.provisioning;

// tag::rest-client-test[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import dev.grantex.scim.model.ScimUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

@RestClientTest(value = Provisioning.class,
		properties = { "grantex.api-key=gx_test_unused", "grantex.scim.token=scim-token-for-tests" })
class ProvisioningRestClientTests {

	@Autowired
	Provisioning provisioning;

	@Autowired
	MockRestServiceServer grantex; // bound to the auto-configured ScimClient

	@Test
	void onboardsANewHire() {
		this.grantex.expect(requestTo("https://api.grantex.dev/scim/v2/Users"))
			.andExpect(method(HttpMethod.POST))
			.andRespond(withSuccess("""
					{"id": "scimuser_1", "userName": "alice@example.com", "active": true,
					 "meta": {"created": "2026-01-05T10:00:00Z"}}""", MediaType.APPLICATION_JSON));

		ScimUser alice = this.provisioning.onboard("alice@example.com");

		assertThat(alice.id()).isEqualTo("scimuser_1");
		this.grantex.verify();
	}

}
// end::rest-client-test[]
