package dev.grantex.scim.test;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-IP limiter (every route, before everything) and the per-developer plan limiter
 * (token routes).
 */
class RateLimitTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	@Test
	void countedResponsesCarryTheThreeHeadersAndTheOneOverTheLimitIs429() {
		this.grantex.ipRateLimit(3, Duration.ofSeconds(30));

		WireClient.Reply first = this.client.get("/scim/v2/Users", this.tenant.scimToken());
		WireClient.Reply second = this.client.get("/scim/v2/ServiceProviderConfig", null);
		WireClient.Reply third = this.client.get("/scim/v2/Users", null);
		WireClient.Reply fourth = this.client.get("/scim/v2/Users", this.tenant.scimToken());

		assertThat(first.header("x-ratelimit-limit")).isEqualTo("3");
		assertThat(first.header("x-ratelimit-remaining")).isEqualTo("2");
		assertThat(Integer.parseInt(first.header("x-ratelimit-reset"))).isBetween(29, 30);
		assertThat(first.header("retry-after")).isNull();
		assertThat(second.header("x-ratelimit-remaining")).isEqualTo("1");
		assertThat(third.status()).as("counted before authentication").isEqualTo(401);
		assertThat(third.header("x-ratelimit-remaining")).isEqualTo("0");
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.header("x-ratelimit-remaining")).isEqualTo("0");
		assertThat(fourth.header("retry-after")).isEqualTo(fourth.header("x-ratelimit-reset"));
		assertThat(fourth.json().get("message").stringValue())
			.isEqualTo("Rate limit exceeded, retry in " + fourth.header("retry-after") + " seconds");
		assertThat(fourth.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(fourth.json().get("requestId").stringValue()).hasSize(36);
	}

	@Test
	void aRateLimitedPostCreatesNothingAndIsRefusedBeforeBodyParsing() {
		this.grantex.ipRateLimit(0, Duration.ofSeconds(30));

		WireClient.Reply post = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"rl-should-not-exist\"}")
			.send();
		WireClient.Reply scimJson = this.client.call("POST", "/scim/v2/Users")
			.body("application/scim+json", "{}")
			.send();
		WireClient.Reply token = this.client.call("POST", "/v1/scim/tokens")
			.bearer(this.tenant.apiKey())
			.json("{\"label\":\"x\"}")
			.send();

		assertThat(post.status()).isEqualTo(429);
		assertThat(scimJson.status()).isEqualTo(429);
		assertThat(token.status()).isEqualTo(429);
		assertThat(token.header("x-ratelimit-limit")).as("per-IP, not plan").isEqualTo("0");
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.tokens(this.tenant.apiKey())).hasSize(1);
	}

	@Test
	void unknownRoutesAreNeitherCountedNorAnnotated() {
		this.grantex.ipRateLimit(2, Duration.ofSeconds(30));

		WireClient.Reply unknown = this.client.get("/scim/v2/Groups", this.tenant.scimToken());
		WireClient.Reply counted = this.client.get("/scim/v2/Users", this.tenant.scimToken());

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("x-ratelimit-limit")).isNull();
		assertThat(counted.header("x-ratelimit-remaining")).isEqualTo("1");
	}

	@Test
	void aNewWindowStartsOnceTheOldOneHasPassed() throws InterruptedException {
		this.grantex.ipRateLimit(1, Duration.ofMillis(250));
		assertThat(this.client.get("/scim/v2/ServiceProviderConfig", null).status()).isEqualTo(200);
		WireClient.Reply limited = this.client.get("/scim/v2/ServiceProviderConfig", null);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().get("message").stringValue()).isEqualTo("Rate limit exceeded, retry in 1 second");

		Thread.sleep(300);

		WireClient.Reply fresh = this.client.get("/scim/v2/ServiceProviderConfig", null);
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.header("x-ratelimit-remaining")).isEqualTo("0");
	}

	@Test
	void thePlanLimitAppliesPerDeveloperOnTokenRoutesOnlyAndReplacesTheIpHeaders() {
		this.grantex.planRateLimit(2, Duration.ofMinutes(1));
		Tenant other = Tenant.register(this.grantex);

		WireClient.Reply first = this.client.get("/v1/scim/tokens", this.tenant.apiKey());
		WireClient.Reply second = this.client.call("POST", "/v1/scim/tokens")
			.bearer(this.tenant.apiKey())
			.json("{\"label\":\"x\"}")
			.send();
		WireClient.Reply third = this.client.call("POST", "/v1/scim/tokens")
			.bearer(this.tenant.apiKey())
			.json("{\"label\":\"y\"}")
			.send();
		WireClient.Reply otherDeveloper = this.client.get("/v1/scim/tokens", other.apiKey());
		WireClient.Reply scim = this.client.get("/scim/v2/Users", this.tenant.scimToken());
		WireClient.Reply unauthenticated = this.client.get("/v1/scim/tokens", null);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("x-ratelimit-limit")).isEqualTo("2");
		assertThat(first.header("x-ratelimit-remaining")).isEqualTo("1");
		assertThat(Integer.parseInt(first.header("x-ratelimit-reset"))).isBetween(1, 60);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.header("x-ratelimit-remaining")).isEqualTo("0");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.header("retry-after")).isEqualTo(third.header("x-ratelimit-reset"));
		assertThat(third.json().get("message").stringValue())
			.isEqualTo("Plan rate limit exceeded, retry in " + third.header("retry-after") + " seconds");
		assertThat(third.json().get("code").stringValue()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(this.grantex.tokens(this.tenant.apiKey())).extracting(FakeScimToken::label)
			.containsExactly("x", "test");
		assertThat(otherDeveloper.status()).isEqualTo(200);
		assertThat(otherDeveloper.header("x-ratelimit-remaining")).isEqualTo("1");
		assertThat(scim.status()).isEqualTo(200);
		assertThat(scim.header("x-ratelimit-limit")).isEqualTo("5000");
		assertThat(unauthenticated.status()).isEqualTo(401);
		assertThat(unauthenticated.header("x-ratelimit-limit")).as("per-IP headers before authentication")
			.isEqualTo("5000");
	}

	@Test
	void theIpLimitAlsoCountsTokenRoutesEvenWhenThePlanHeadersAreShown() {
		this.grantex.ipRateLimit(2, Duration.ofSeconds(30));

		WireClient.Reply first = this.client.get("/v1/scim/tokens", this.tenant.apiKey());
		WireClient.Reply second = this.client.get("/v1/scim/tokens", this.tenant.apiKey());
		WireClient.Reply third = this.client.get("/v1/scim/tokens", this.tenant.apiKey());

		assertThat(first.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(second.header("x-ratelimit-remaining")).isEqualTo("98");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.header("x-ratelimit-limit")).isEqualTo("2");
		assertThat(third.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void revocationAndNotFoundAnswersOnTokenRoutesCarryThePlanHeaders() {
		String id = this.grantex.tokens(this.tenant.apiKey()).get(0).id();

		WireClient.Reply revoked = this.client.call("DELETE", "/v1/scim/tokens/" + id)
			.bearer(this.tenant.apiKey())
			.send();
		WireClient.Reply noSuchRoute = this.client.get("/v1/scim/tokens/" + id, this.tenant.apiKey());

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(revoked.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(noSuchRoute.status()).isEqualTo(404);
		assertThat(noSuchRoute.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(noSuchRoute.header("x-ratelimit-remaining")).isEqualTo("98");
	}

}
