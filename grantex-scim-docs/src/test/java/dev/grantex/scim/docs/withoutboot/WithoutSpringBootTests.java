package dev.grantex.scim.docs.withoutboot;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.junit.GrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@link WithoutSpringBoot} example against the fake Grantex.
 */
@GrantexScimFake
class WithoutSpringBootTests {

	@Test
	void theBuiltClientCallsEachRouteWithItsCredential(FakeGrantexAccount grantex) {
		try (ScimClient scim = WithoutSpringBoot.client(grantex.baseUrl(), grantex.apiKey(), grantex.scimToken())) {
			assertThat(scim.baseUrl()).isEqualTo(grantex.baseUrl());
			assertThat(scim.createToken("readme").token()).isNotBlank();
			assertThat(scim.listUsers().resources()).isEmpty();
		}
	}

	@Test
	void theOperationsCreateDeactivateAndRenameAlice(FakeGrantexAccount grantex) {
		try (ScimClient scim = WithoutSpringBoot.client(grantex.baseUrl(), grantex.apiKey(), grantex.scimToken())) {
			List<ScimUser> active = WithoutSpringBoot.provision(scim);

			assertThat(active).isEmpty();
			assertThat(grantex.users()).singleElement().satisfies((alice) -> {
				assertThat(alice.userName()).isEqualTo("alice@example.com");
				assertThat(alice.displayName()).isEqualTo("Alice Johnson");
				assertThat(alice.externalId()).isEqualTo("okta-00u1");
				assertThat(alice.active()).isFalse();
			});
			assertThat(grantex.users()).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
		}
	}

}
