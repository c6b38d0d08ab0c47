package dev.grantex.scim.test;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table: raw-path decoding per segment, unknown routes, trailing slash, HEAD
 * and OPTIONS.
 */
class RoutingTests {

	private static final String USER_NOT_FOUND = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
			+ "\"detail\":\"User not found\",\"scimType\":\"noTarget\",\"status\":404}";

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	@Test
	void anEncodedSlashStaysInsideItsIdSegment() {
		for (String id : List.of("..%2Fv1%2Fscim%2Ftokens", "a%2Fb", "%2E%2E", "%20", "%E0%A4")) {
			WireClient.Reply reply = this.client.get("/scim/v2/Users/" + id, this.tenant.scimToken());
			assertThat(reply.status()).as(id).isEqualTo(404);
			assertThat(reply.body()).as(id).isEqualTo(USER_NOT_FOUND);
		}
		assertThat(this.grantex.requests().get(0).rawPath()).isEqualTo("/scim/v2/Users/..%2Fv1%2Fscim%2Ftokens");
		WireClient.Reply revoke = this.client.call("DELETE", "/v1/scim/tokens/..%2F..%2Fscim%2Fv2%2FUsers")
			.bearer(this.tenant.apiKey())
			.send();
		assertThat(revoke.status()).isEqualTo(404);
		assertThat(revoke.json().get("message").stringValue()).isEqualTo("SCIM token not found");
	}

	@Test
	void percentEncodedCharactersOfARealIdAreDecoded() {
		FakeScimUser alice = this.grantex.seedUser(this.tenant.apiKey(), "alice");
		String encoded = "%73" + alice.id().substring(1).replace("_", "%5F");

		WireClient.Reply reply = this.client.get("/scim/v2/Users/" + encoded, this.tenant.scimToken());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("id").stringValue()).isEqualTo(alice.id());
	}

	@Test
	void aTrailingSlashIsTheUserRouteWithAnEmptyId() {
		this.grantex.seedUser(this.tenant.apiKey(), "alice");

		assertThat(this.client.get("/scim/v2/Users/", this.tenant.scimToken()).body()).isEqualTo(USER_NOT_FOUND);
	}

	@Test
	void unknownRoutesGetTheFrameworkNotFoundWithoutRateLimitHeaders() {
		List<String[]> routes = List.of(new String[] { "GET", "/scim/v2/Groups" },
				new String[] { "GET", "/scim/v2/Schemas" }, new String[] { "GET", "/scim/v2/ResourceTypes" },
				new String[] { "POST", "/scim/v2/Bulk" }, new String[] { "GET", "/scim/v2/Me" },
				new String[] { "GET", "/scim/v2/users" }, new String[] { "DELETE", "/scim/v2/Users" },
				new String[] { "POST", "/scim/v2/Users/.search" }, new String[] { "GET", "/scim/v2/Users/a/b" },
				new String[] { "POST", "/scim/v2/ServiceProviderConfig" });
		for (String[] route : routes) {
			WireClient.Reply reply = this.client.call(route[0], route[1]).bearer(this.tenant.scimToken()).send();
			assertThat(reply.status()).as(route[1]).isEqualTo(404);
			assertThat(reply.body()).isEqualTo("{\"message\":\"Route " + route[0] + ":" + route[1]
					+ " not found\",\"error\":\"Not Found\",\"statusCode\":404}");
			assertThat(reply.header("x-ratelimit-limit")).as(route[1]).isNull();
			assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
		}
		WireClient.Reply withQuery = this.client.get("/scim/v2/Schemas?attributes=x", this.tenant.scimToken());
		assertThat(withQuery.json().get("message").stringValue())
			.isEqualTo("Route GET:/scim/v2/Schemas?attributes=x not found");
	}

	@Test
	void unknownRoutesUnderV1StillAuthenticateTheApiKeyAndCountThePlan() {
		String id = this.grantex.tokens(this.tenant.apiKey()).get(0).id();

		WireClient.Reply get = this.client.get("/v1/scim/tokens/" + id, this.tenant.apiKey());
		WireClient.Reply anonymous = this.client.get("/v1/scim/tokens/" + id, null);

		assertThat(get.status()).isEqualTo(404);
		assertThat(get.json().get("message").stringValue()).isEqualTo("Route GET:/v1/scim/tokens/" + id + " not found");
		assertThat(get.header("x-ratelimit-limit")).isEqualTo("100");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("message").stringValue()).isEqualTo("Missing or invalid Authorization header");
	}

	@Test
	void headAnswersTheGetHeadersWithoutABody() {
		this.grantex.seedUser(this.tenant.apiKey(), "alice");
		WireClient.Reply get = this.client.get("/scim/v2/Users", this.tenant.scimToken());

		WireClient.Reply head = this.client.call("HEAD", "/scim/v2/Users").bearer(this.tenant.scimToken()).send();
		WireClient.Reply headConfig = this.client.call("HEAD", "/scim/v2/ServiceProviderConfig").send();

		assertThat(head.status()).isEqualTo(200);
		assertThat(head.bodyBytes()).isEmpty();
		assertThat(head.header("content-length")).isEqualTo(Integer.toString(get.bodyBytes().length));
		assertThat(head.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(head.header("x-ratelimit-limit")).isEqualTo("5000");
		assertThat(headConfig.status()).isEqualTo(200);
	}

	@Test
	void optionsIsAnInvalidPreflightWithoutAnOrigin() {
		WireClient.Reply reply = this.client.call("OPTIONS", "/scim/v2/Users").send();

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.header("content-type")).isEqualTo("text/plain");
		assertThat(reply.body()).isEqualTo("Invalid Preflight Request");
		assertThat(reply.header("x-ratelimit-limit")).isEqualTo("5000");
	}

	@Test
	void noResponseCarriesLocationEtagOrARequestIdHeader() {
		WireClient.Reply created = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.header("X-Request-Id", "client-supplied-123")
			.json("{\"userName\":\"alice\"}")
			.send();
		WireClient.Reply error = this.client.call("GET", "/v1/scim/tokens")
			.header("X-Request-Id", "client-supplied-123")
			.send();

		for (WireClient.Reply reply : List.of(created, error)) {
			assertThat(reply.header("location")).isNull();
			assertThat(reply.header("etag")).isNull();
			assertThat(reply.header("x-request-id")).isNull();
		}
		assertThat(error.json().get("requestId").stringValue()).isNotEqualTo("client-supplied-123");
	}

}
