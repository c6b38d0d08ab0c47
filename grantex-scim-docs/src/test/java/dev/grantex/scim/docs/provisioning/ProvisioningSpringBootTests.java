package dev.grantex.scim.docs.provisioning;

// tag::spring-boot-test[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.autoconfigure.AutoConfigureGrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureGrantexScimFake
class ProvisioningSpringBootTests {

	@Autowired
	Provisioning provisioning; // the application's service, with the ScimClient bean

	@Autowired
	FakeGrantexAccount grantex;

	@Test
	void onboardsANewHire() {
		this.grantex.seedUser("bob@example.com");
		this.provisioning.onboard("alice@example.com");
		assertThat(this.grantex.users()).extracting(FakeScimUser::userName)
			.containsExactly("bob@example.com", "alice@example.com");
	}

}
// end::spring-boot-test[]
