package dev.grantex.scim.autoconfigure.lifecycle;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimToken;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;

/**
 * The application's own service, with the auto-configured client injected.
 */
@Service
public class ProvisioningService {

	private final ScimClient scim;

	public ProvisioningService(ScimClient scim) {
		this.scim = scim;
	}

	public ScimTokenWithSecret connectIdentityProvider(String label) {
		return this.scim.createToken(label);
	}

	public List<ScimToken> identityProviders() {
		return this.scim.listTokens().tokens();
	}

	public void disconnectIdentityProvider(String tokenId) {
		this.scim.revokeToken(tokenId);
	}

	public ScimUser onboard(String userName, String displayName, String email) {
		return this.scim.createUser(CreateScimUserParams.builder(userName)
			.displayName(displayName)
			.email(ScimEmail.primary(email, "work"))
			.build());
	}

	public ScimUser find(String userId) {
		return this.scim.getUser(userId);
	}

	public List<ScimUser> everyone() {
		return this.scim.streamUsers().toList();
	}

	public ScimUser rename(String userId, String displayName) {
		ScimUser user = this.scim.getUser(userId);
		return this.scim.replaceUser(userId,
				CreateScimUserParams.from(user).toBuilder().displayName(displayName).build());
	}

	public ScimUser suspend(String userId) {
		return this.scim.updateUser(userId, PatchOperation.replace("active", false));
	}

	public void offboard(String userId) {
		this.scim.deleteUser(userId);
	}

}
