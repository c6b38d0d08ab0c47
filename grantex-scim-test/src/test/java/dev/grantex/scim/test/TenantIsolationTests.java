package dev.grantex.scim.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each developer sees only its own users and tokens. */
class TenantIsolationTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant ours = Tenant.register(this.grantex);

	private final Tenant theirs = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	@Test
	void anotherDevelopersTokenCannotSeeOrChangeOurUsers() {
		FakeScimUser alice = this.grantex.seedUser(this.ours.apiKey(), "alice");
		String path = "/scim/v2/Users/" + alice.id();

		assertThat(this.client.get(path, this.theirs.scimToken()).status()).isEqualTo(404);
		assertThat(this.client.call("PUT", path)
			.bearer(this.theirs.scimToken())
			.json("{\"userName\":\"mallory\"}")
			.send()
			.status()).isEqualTo(404);
		assertThat(this.client.call("PATCH", path)
			.bearer(this.theirs.scimToken())
			.json("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")
			.send()
			.status()).isEqualTo(404);
		assertThat(this.client.call("DELETE", path).bearer(this.theirs.scimToken()).send().status()).isEqualTo(404);
		assertThat(this.client.get("/scim/v2/Users", this.theirs.scimToken()).json().get("totalResults").intValue())
			.isZero();
		assertThat(this.grantex.users(this.ours.apiKey())).containsExactly(alice);
	}

	@Test
	void userNamesAreUniquePerDeveloperOnly() {
		this.grantex.seedUser(this.ours.apiKey(), "bob");

		WireClient.Reply theirBob = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.theirs.scimToken())
			.json("{\"userName\":\"bob\"}")
			.send();

		assertThat(theirBob.status()).isEqualTo(201);
		assertThat(this.grantex.users(this.ours.apiKey())).hasSize(1);
		assertThat(this.grantex.users(this.theirs.apiKey())).extracting(FakeScimUser::userName).containsExactly("bob");
		assertThat(this.client.get("/scim/v2/Users", this.ours.scimToken())
			.json()
			.get("Resources")
			.get(0)
			.get("id")
			.stringValue()).isNotEqualTo(theirBob.json().get("id").stringValue());
	}

	@Test
	void anotherDevelopersApiKeyCannotListOrRevokeOurTokens() {
		String ourTokenId = this.grantex.tokens(this.ours.apiKey()).get(0).id();

		WireClient.Reply revoke = this.client.call("DELETE", "/v1/scim/tokens/" + ourTokenId)
			.bearer(this.theirs.apiKey())
			.send();
		WireClient.Reply list = this.client.get("/v1/scim/tokens", this.theirs.apiKey());

		assertThat(revoke.status()).isEqualTo(404);
		assertThat(revoke.json().get("message").stringValue()).isEqualTo("SCIM token not found");
		assertThat(list.body()).doesNotContain(ourTokenId);
		assertThat(this.client.get("/scim/v2/Users", this.ours.scimToken()).status()).isEqualTo(200);
		assertThat(this.grantex.tokens(this.ours.apiKey()))
			.allSatisfy((token) -> assertThat(token.revoked()).isFalse());
	}

}
