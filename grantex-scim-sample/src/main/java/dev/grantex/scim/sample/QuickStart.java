package dev.grantex.scim.sample;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;

/**
 * Walks through the whole SCIM lifecycle with the core client: create a SCIM token with the developer API key,
 * then create, read, list, patch, replace and delete a user with that token.
 *
 * <p>With {@code GRANTEX_BASE_URL} and {@code GRANTEX_API_KEY} set it runs against that Grantex; otherwise it
 * starts the in-process fake server from {@code grantex-scim-test}, so it needs nothing else to run.
 */
public final class QuickStart {

	private QuickStart() {
	}

	/**
	 * Runs the walk-through.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		String baseUrl = System.getenv("GRANTEX_BASE_URL");
		String apiKey = System.getenv("GRANTEX_API_KEY");
		if (baseUrl != null && apiKey != null) {
			run(baseUrl, apiKey);
			return;
		}
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			System.out.println("No GRANTEX_BASE_URL and GRANTEX_API_KEY set: using the in-process fake Grantex at "
					+ server.baseUrl());
			run(server.baseUrl().toString(), server.createDeveloper());
		}
	}

	private static void run(String baseUrl, String apiKey) {
		ScimClient admin = ScimClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
		ScimTokenWithSecret token = admin.createToken("quick-start");
		System.out.println("Created SCIM token " + token.id() + " (the secret is shown only once; it is not printed)");

		ScimClient scim = ScimClient.builder().baseUrl(baseUrl).apiKey(apiKey).scimToken(token.token()).build();
		String userName = "quick-start-" + System.currentTimeMillis() + "@example.com";
		ScimUser created = scim.createUser(CreateScimUserParams.builder(userName)
			.displayName("Quick Start")
			.externalId("hr-0001")
			.email(ScimEmail.primary(userName, "work"))
			.build());
		System.out.println("Created   " + describe(created));
		System.out.println("Read      " + describe(scim.getUser(created.id())));
		System.out.println("Listed    " + scim.listUsers(1, 10).totalResults() + " user(s) in the tenant");
		ScimUser patched = scim.updateUser(created.id(), PatchOperation.replace("active", false),
				PatchOperation.replace("displayName", "Quick Start (on leave)"));
		System.out.println("Patched   " + describe(patched));
		ScimUser replaced = scim.replaceUser(created.id(),
				CreateScimUserParams.from(patched).toBuilder().active(true).displayName("Quick Start").build());
		System.out.println("Replaced  " + describe(replaced));
		System.out.println("Streamed  " + scim.streamUsers().count() + " user(s)");
		scim.deleteUser(created.id());
		System.out.println("Deleted   " + created.id());
		admin.revokeToken(token.id());
		System.out.println("Revoked   " + token.id());
		scim.lastRateLimit()
			.ifPresent((limit) -> System.out.println("Rate limit: " + limit.remaining() + " of " + limit.limit()
					+ " requests left, window resets in " + limit.resetAfter().toSeconds() + "s"));
	}

	private static String describe(ScimUser user) {
		return user.id() + " active=" + user.active() + " displayName=" + user.displayName() + " emails="
				+ user.emails().size();
	}

}
