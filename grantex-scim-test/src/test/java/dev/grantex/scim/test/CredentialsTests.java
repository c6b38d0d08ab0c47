package dev.grantex.scim.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which credential each route family takes, and how strictly each is parsed. */
class CredentialsTests {

	private static final String MISSING_BEARER = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
			+ "\"detail\":\"Missing or invalid Bearer token\",\"scimType\":\"unauthorized\",\"status\":401}";

	private static final String INVALID_TOKEN = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
			+ "\"detail\":\"Invalid SCIM token\",\"scimType\":\"unauthorized\",\"status\":401}";

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private WireClient.Reply users(String authorization) {
		return this.client.call("GET", "/scim/v2/Users").header("Authorization", authorization).send();
	}

	private WireClient.Reply tokens(String authorization) {
		return this.client.call("GET", "/v1/scim/tokens").header("Authorization", authorization).send();
	}

	@Test
	void theApiKeyWorksOnTokenRoutesWithTheSchemeInAnyCase() {
		assertThat(tokens("Bearer " + this.tenant.apiKey()).status()).isEqualTo(200);
		assertThat(tokens("bearer " + this.tenant.apiKey()).status()).isEqualTo(200);
		assertThat(tokens("BEARER " + this.tenant.apiKey()).status()).isEqualTo(200);
	}

	@Test
	void tokenRoutesRefuseMissingMalformedAndUnknownCredentialsWithTheGrantexShape() {
		WireClient.Reply missing = this.client.call("GET", "/v1/scim/tokens").send();
		WireClient.Reply basic = tokens("Basic "
				+ Base64.getEncoder().encodeToString(("x:" + this.tenant.apiKey()).getBytes(StandardCharsets.UTF_8)));
		WireClient.Reply unknown = tokens("Bearer gx_live_EXAMPLEKEY");
		WireClient.Reply scimToken = tokens("Bearer " + this.tenant.scimToken());

		for (WireClient.Reply reply : new WireClient.Reply[] { missing, basic }) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.json().get("message").stringValue()).isEqualTo("Missing or invalid Authorization header");
			assertThat(reply.json().get("code").stringValue()).isEqualTo("UNAUTHORIZED");
		}
		for (WireClient.Reply reply : new WireClient.Reply[] { unknown, scimToken }) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.json().propertyNames()).containsExactly("message", "code", "requestId");
			assertThat(reply.json().get("message").stringValue()).isEqualTo("Invalid API key");
		}
		assertThat(missing.header("www-authenticate")).isNull();
	}

	@Test
	void userRoutesTakeTheScimTokenAfterExactlyBearerAndOneSpace() {
		assertThat(users("Bearer " + this.tenant.scimToken()).status()).isEqualTo(200);
		assertThat(users("Bearer " + this.tenant.scimToken() + " ").status()).as("trailing space").isEqualTo(200);
		assertThat(users("bearer " + this.tenant.scimToken()).body()).isEqualTo(MISSING_BEARER);
		assertThat(users("Basic "
				+ Base64.getEncoder().encodeToString(("x:" + this.tenant.scimToken()).getBytes(StandardCharsets.UTF_8)))
			.body()).isEqualTo(MISSING_BEARER);
		assertThat(this.client.call("GET", "/scim/v2/Users").send().body()).isEqualTo(MISSING_BEARER);
		assertThat(users("Bearer  " + this.tenant.scimToken()).body()).as("double space").isEqualTo(INVALID_TOKEN);
		assertThat(users("Bearer " + this.tenant.apiKey()).body()).as("the API key").isEqualTo(INVALID_TOKEN);
		assertThat(users("Bearer " + "0".repeat(64)).body()).isEqualTo(INVALID_TOKEN);
		assertThat(users("Bearer " + this.tenant.apiKey()).status()).isEqualTo(401);
	}

	@Test
	void revokingATokenTakesEffectAtOnceAndOnlyForThatToken() {
		String second = this.grantex.createScimToken(this.tenant.apiKey(), "second");
		String secondId = this.grantex.tokens(this.tenant.apiKey()).get(0).id();
		assertThat(users("Bearer " + second).status()).isEqualTo(200);

		WireClient.Reply revoked = this.client.call("DELETE", "/v1/scim/tokens/" + secondId)
			.bearer(this.tenant.apiKey())
			.send();

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(revoked.bodyBytes()).isEmpty();
		assertThat(revoked.header("content-type")).isNull();
		assertThat(users("Bearer " + second).body()).isEqualTo(INVALID_TOKEN);
		assertThat(users("Bearer " + this.tenant.scimToken()).status()).isEqualTo(200);
		WireClient.Reply again = this.client.call("DELETE", "/v1/scim/tokens/" + secondId)
			.bearer(this.tenant.apiKey())
			.send();
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.json().get("message").stringValue()).isEqualTo("SCIM token not found");
		assertThat(again.json().get("code").stringValue()).isEqualTo("NOT_FOUND");
	}

	@Test
	void tokenCreationAndListingFollowTheRealShapes() {
		WireClient.Reply created = this.client.call("POST", "/v1/scim/tokens")
			.bearer(this.tenant.apiKey())
			.json("{\"label\":123}")
			.send();
		WireClient.Reply listed = this.client.get("/v1/scim/tokens", this.tenant.apiKey());

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().propertyNames()).containsExactly("id", "label", "token", "createdAt");
		assertThat(created.json().get("label").stringValue()).isEqualTo("123");
		assertThat(created.json().get("token").stringValue()).matches("[0-9a-f]{64}");
		assertThat(created.json().get("id").stringValue()).matches("scimtok_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(listed.json().get("tokens")).hasSize(2);
		assertThat(listed.json().get("tokens").get(0).propertyNames()).containsExactly("id", "label", "createdAt",
				"lastUsedAt");
		assertThat(listed.json().get("tokens").get(0).get("label").stringValue()).as("newest first").isEqualTo("123");
		assertThat(listed.json().get("tokens").get(0).get("lastUsedAt").isNull()).isTrue();
		assertThat(listed.body()).doesNotContain(created.json().get("token").stringValue());
		for (String body : new String[] { "{}", "{\"label\":\"\"}", "{\"label\":null}", "{\"label\":0}", "[]" }) {
			WireClient.Reply refused = this.client.call("POST", "/v1/scim/tokens")
				.bearer(this.tenant.apiKey())
				.json(body)
				.send();
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.json().get("message").stringValue()).isEqualTo("label is required");
		}
		assertThat(this.client.call("POST", "/v1/scim/tokens").bearer(this.tenant.apiKey()).send().status())
			.as("no body at all")
			.isEqualTo(400);
		assertThat(this.grantex.tokens(this.tenant.apiKey())).hasSize(2);
	}

	@Test
	void serviceProviderConfigNeedsNoCredentialAndIgnoresAnyGiven() {
		WireClient.Reply anonymous = this.client.call("GET", "/scim/v2/ServiceProviderConfig").send();
		WireClient.Reply garbage = this.client.call("GET", "/scim/v2/ServiceProviderConfig")
			.header("Authorization", "Bearer nope")
			.send();

		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(garbage.body()).isEqualTo(anonymous.body());
		assertThat(anonymous.json().get("filter").get("supported").booleanValue()).isFalse();
		assertThat(anonymous.json().get("patch").get("supported").booleanValue()).isTrue();
	}

}
