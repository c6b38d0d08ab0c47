package dev.grantex.scim.autoconfigure.failure;

import org.springframework.stereotype.Service;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimUser;

/**
 * A service of the application, with the auto-configured {@link ScimClient} injected.
 */
@Service
public class Onboarding {

	private final ScimClient scim;

	public Onboarding(ScimClient scim) {
		this.scim = scim;
	}

	ScimUser onboard(String userName) {
		return this.scim.createUser(CreateScimUserParams.of(userName));
	}

}
