package dev.grantex.scim.docs.provisioning;

// tag::provisioning[]
import org.springframework.stereotype.Service;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimUser;

/**
 * Provisions the application's new users into Grantex.
 */
@Service
class Provisioning {

	private final ScimClient scim;

	Provisioning(ScimClient scim) {
		this.scim = scim;
	}

	ScimUser onboard(String userName) {
		return this.scim.createUser(CreateScimUserParams.of(userName));
	}

}
// end::provisioning[]
