package dev.grantex.scim.docs.withoutboot;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;

/**
 * The README's use of the client without Spring Boot.
 */
public final class WithoutSpringBoot {

	private WithoutSpringBoot() {
	}

	/**
	 * Builds a client, as the README shows.
	 * @param grantexUrl the Grantex base URL
	 * @param apiKey the developer API key
	 * @param scimToken the SCIM token
	 * @return the client
	 */
	public static ScimClient client(URI grantexUrl, String apiKey, String scimToken) {
		// tag::builder[]
		ScimClient scim = ScimClient.builder()
			.baseUrl(grantexUrl) // https://api.grantex.dev unless set
			.apiKey(apiKey) // for /v1/scim/tokens
			.scimToken(scimToken) // for /scim/v2
			.build();
		// end::builder[]
		return scim;
	}

	/**
	 * Creates, changes and lists users, as the README shows.
	 * @param scim the client
	 * @return the active users afterwards
	 */
	public static List<ScimUser> provision(ScimClient scim) {
		// tag::operations[]
		ScimUser alice = scim.createUser(CreateScimUserParams.builder("alice@example.com")
			.displayName("Alice Example")
			.externalId("okta-00u1")
			.email(ScimEmail.primary("alice@example.com", "work"))
			.build());

		ScimUser inactive = scim.updateUser(alice.id(), PatchOperation.replace("active", false));
		CreateScimUserParams renamed = CreateScimUserParams.from(inactive)
			.toBuilder()
			.displayName("Alice Johnson")
			.build();
		// a PUT: what the params leave out is cleared
		scim.replaceUser(alice.id(), renamed);

		List<ScimUser> active;
		// pages lazily, one page in memory at a time
		try (Stream<ScimUser> users = scim.streamUsers()) {
			active = users.filter(ScimUser::active).toList();
		}
		// end::operations[]
		return active;
	}

}
