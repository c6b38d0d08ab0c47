package dev.grantex.scim.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-IP limiter (every route, before everything) and the per-developer plan limiter
 * (token routes).
 */
class RateLimitTest {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(grantex.baseUrl());

	private final Tenant tenant = Tenant.register(grantex);

	@AfterEach
	void stop() {
		grantex.close();
	}

	@Test
	void countedResponsesCarryTheThreeHeadersAndTheOneOverTheLimitIs429() {
		grantex.ipRateLimit(3, Duration.ofSeconds(30));

		WireClient.Reply first = client.get("/scim/v2/Users", tenant.scimToken());
		WireClient.Reply second = client.get("/scim/v2/ServiceProviderConfig", null);
		WireClient.Reply third = client.get("/scim/v2/Users", null);
		WireClient.Reply fourth = client.get("/scim/v2/Users", tenant.scimToken());

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
		grantex.ipRateLimit(0, Duration.ofSeconds(30));

		WireClient.Reply post = client.call("POST", "/scim/v2/Users")
			.bearer(tenant.scimToken())
			.json("{\"userName\":\"rl-should-not-exist\"}")
			.send();
		WireClient.Reply scimJson = client.call("POST", "/scim/v2/Users").body("application/scim+json", "{}").send();
		WireClient.Reply token = client.call("POST", "/v1/scim/tokens")
			.bearer(tenant.apiKey())
			.json("{\"label\":\"x\"}")
			.send();

		assertThat(post.status()).isEqualTo(429);
		assertThat(scimJson.status()).isEqualTo(429);
		assertThat(token.status()).isEqualTo(429);
		assertThat(token.header("x-ratelimit-limit")).as("per-IP, not plan").isEqualTo("0");
		assertThat(grantex.users(tenant.apiKey())).isEmpty();
		assertThat(grantex.tokens(tenant.apiKey())).hasSize(1);
	}

	@Test
	void unknownRoutesAreNeitherCountedNorAnnotated() {
		grantex.ipRateLimit(2, Duration.ofSeconds(30));

		WireClient.Reply unknown = client.get("/scim/v2/Groups", tenant.scimToken());
		WireClient.Reply counted = client.get("/scim/v2/Users", tenant.scimToken());

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("x-ratelimit-limit")).isNull();
		assertThat(counted.header("x-ratelimit-remaining")).isEqualTo("1");
	}

	@Test
	void aNewWindowStartsOnceTheOldOneHasPassed() throws InterruptedException {
		grantex.ipRateLimit(1, Duration.ofMillis(250));
		assertThat(client.get("/scim/v2/ServiceProviderConfig", null).status()).isEqualTo(200);
		WireClient.Reply limited = client.get("/scim/v2/ServiceProviderConfig", null);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().get("message").stringValue()).isEqualTo("Rate limit exceeded, retry in 1 second");

		Thread.sleep(300);

		WireClient.Reply fresh = client.get("/scim/v2/ServiceProviderConfig", null);
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.header("x-ratelimit-remaining")).isEqualTo("0");
	}

	@Test
	void thePlanLimitAppliesPerDeveloperOnTokenRoutesOnlyAndReplacesTheIpHeaders() {
		grantex.planRateLimit(2, Duration.ofMinutes(1));
		Tenant other = Tenant.register(grantex);

		WireClient.Reply first = client.get("/v1/scim/tokens", tenant.apiKey());
		WireClient.Reply second = client.call("POST", "/v1/scim/tokens")
			.bearer(tenant.apiKey())
			.json("{\"label\":\"x\"}")
			.send();
		WireClient.Reply third = client.call("POST", "/v1/scim/tokens")
			.bearer(tenant.apiKey())
			.json("{\"label\":\"y\"}")
			.send();
		WireClient.Reply otherDeveloper = client.get("/v1/scim/tokens", other.apiKey());
		WireClient.Reply scim = client.get("/scim/v2/Users", tenant.scimToken());
		WireClient.Reply unauthenticated = client.get("/v1/scim/tokens", null);

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
		assertThat(grantex.tokens(tenant.apiKey())).extracting(FakeScimToken::label).containsExactly("x", "test");
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
		grantex.ipRateLimit(2, Duration.ofSeconds(30));

		WireClient.Reply first = client.get("/v1/scim/tokens", tenant.apiKey());
		WireClient.Reply second = client.get("/v1/scim/tokens", tenant.apiKey());
		WireClient.Reply third = client.get("/v1/scim/tokens", tenant.apiKey());

		assertThat(first.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(second.header("x-ratelimit-remaining")).isEqualTo("98");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.header("x-ratelimit-limit")).isEqualTo("2");
		assertThat(third.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void revocationAndNotFoundAnswersOnTokenRoutesCarryThePlanHeaders() {
		String id = grantex.tokens(tenant.apiKey()).get(0).id();

		WireClient.Reply revoked = client.call("DELETE", "/v1/scim/tokens/" + id).bearer(tenant.apiKey()).send();
		WireClient.Reply noSuchRoute = client.get("/v1/scim/tokens/" + id, tenant.apiKey());

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(revoked.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(noSuchRoute.status()).isEqualTo(404);
		assertThat(noSuchRoute.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(noSuchRoute.header("x-ratelimit-remaining")).isEqualTo("98");
	}

}
