package dev.grantex.scim.autoconfigure.slice;

import org.springframework.stereotype.Service;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.ScimUser;

/**
 * A service of an application, with the auto-configured {@link ScimClient} injected.
 */
@Service
public class UserDirectory {

	private final ScimClient scim;

	public UserDirectory(ScimClient scim) {
		this.scim = scim;
	}

	/**
	 * The name to show for a user: the display name, else the user name.
	 * @param userId the user's id
	 * @return the name
	 */
	public String nameOf(String userId) {
		ScimUser user = this.scim.getUser(userId);
		return (user.displayName() != null) ? user.displayName() : user.userName();
	}

}
