package dev.grantex.scim.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each developer sees only its own users and tokens. */
class TenantIsolationTest {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(grantex.baseUrl());

	private final Tenant ours = Tenant.register(grantex);

	private final Tenant theirs = Tenant.register(grantex);

	@AfterEach
	void stop() {
		grantex.close();
	}

	@Test
	void anotherDevelopersTokenCannotSeeOrChangeOurUsers() {
		FakeScimUser alice = grantex.seedUser(ours.apiKey(), "alice");
		String path = "/scim/v2/Users/" + alice.id();

		assertThat(client.get(path, theirs.scimToken()).status()).isEqualTo(404);
		assertThat(
				client.call("PUT", path).bearer(theirs.scimToken()).json("{\"userName\":\"mallory\"}").send().status())
			.isEqualTo(404);
		assertThat(client.call("PATCH", path)
			.bearer(theirs.scimToken())
			.json("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")
			.send()
			.status()).isEqualTo(404);
		assertThat(client.call("DELETE", path).bearer(theirs.scimToken()).send().status()).isEqualTo(404);
		assertThat(client.get("/scim/v2/Users", theirs.scimToken()).json().get("totalResults").intValue()).isZero();
		assertThat(grantex.users(ours.apiKey())).containsExactly(alice);
	}

	@Test
	void userNamesAreUniquePerDeveloperOnly() {
		grantex.seedUser(ours.apiKey(), "bob");

		WireClient.Reply theirBob = client.call("POST", "/scim/v2/Users")
			.bearer(theirs.scimToken())
			.json("{\"userName\":\"bob\"}")
			.send();

		assertThat(theirBob.status()).isEqualTo(201);
		assertThat(grantex.users(ours.apiKey())).hasSize(1);
		assertThat(grantex.users(theirs.apiKey())).extracting(FakeScimUser::userName).containsExactly("bob");
		assertThat(
				client.get("/scim/v2/Users", ours.scimToken()).json().get("Resources").get(0).get("id").stringValue())
			.isNotEqualTo(theirBob.json().get("id").stringValue());
	}

	@Test
	void anotherDevelopersApiKeyCannotListOrRevokeOurTokens() {
		String ourTokenId = grantex.tokens(ours.apiKey()).get(0).id();

		WireClient.Reply revoke = client.call("DELETE", "/v1/scim/tokens/" + ourTokenId).bearer(theirs.apiKey()).send();
		WireClient.Reply list = client.get("/v1/scim/tokens", theirs.apiKey());

		assertThat(revoke.status()).isEqualTo(404);
		assertThat(revoke.json().get("message").stringValue()).isEqualTo("SCIM token not found");
		assertThat(list.body()).doesNotContain(ourTokenId);
		assertThat(client.get("/scim/v2/Users", ours.scimToken()).status()).isEqualTo(200);
		assertThat(grantex.tokens(ours.apiKey())).allSatisfy(token -> assertThat(token.revoked()).isFalse());
	}

}
