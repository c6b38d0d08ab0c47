package dev.grantex.scim.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scripted faults that answer instead of the server (fixed status, 429, 5xx, HTML), and
 * the script itself: targeting, order, {@code pending()}, {@code clear()}, and what
 * {@code requests()} records.
 */
class FaultScriptTests {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final FaultTarget CREATE_USER = FaultTarget.route("POST", "/scim/v2/Users");

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private WireClient.Reply createUser(String userName) {
		return this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"" + userName + "\"}")
			.send();
	}

	private WireClient.Reply listUsers() {
		return this.client.get("/scim/v2/Users", this.tenant.scimToken());
	}

	@Test
	void theScriptIsEmptyByDefaultAndTheServerAnswersNormally() {
		assertThat(this.grantex.faults().pending()).isZero();
		assertThat(this.grantex.faults()).isSameAs(this.grantex.faults());

		assertThat(createUser("alice").status()).isEqualTo(201);

		assertThat(this.grantex.requests()).singleElement().extracting(RecordedRequest::fault).isNull();
	}

	@Test
	void aStatusFaultAnswersExactlyWhatItSaysAndTheRequestIsNotProcessed() {
		this.grantex.faults().enqueue(CREATE_USER, Fault.status(418, "text/plain; charset=utf-8", "teapot ☕"));

		WireClient.Reply reply = createUser("alice");

		assertThat(reply.status()).isEqualTo(418);
		assertThat(reply.header("content-type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(reply.body()).isEqualTo("teapot ☕");
		assertThat(reply.header("content-length"))
			.isEqualTo(Integer.toString("teapot ☕".getBytes(StandardCharsets.UTF_8).length));
		assertThat(reply.header("cache-control")).as("nothing added").isNull();
		assertThat(reply.header("x-ratelimit-limit")).isNull();
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		RecordedRequest recorded = this.grantex.requests().get(0);
		assertThat(recorded.status()).isEqualTo(418);
		assertThat(recorded.fault()).isEqualTo("status(418)");
		assertThat(recorded.bodyAsString()).isEqualTo("{\"userName\":\"alice\"}");
	}

	@Test
	void aStatusFaultMayHaveNoContentTypeAndNoBody() {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.status(503, null, ""), Fault.status(204, null, ""));

		WireClient.Reply unavailable = listUsers();
		WireClient.Reply noContent = listUsers();

		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.header("content-type")).isNull();
		assertThat(unavailable.bodyBytes()).isEmpty();
		assertThat(noContent.status()).isEqualTo(204);
		assertThat(noContent.bodyBytes()).isEmpty();
	}

	@Test
	void withHeaderAddsAHeaderSuchAsRetryAfterAsAnHttpDate() {
		String date = "Wed, 21 Oct 2026 07:28:00 GMT";
		Fault fault = Fault.status(429, "application/json; charset=utf-8", "{}")
			.withHeader("Retry-After", date)
			.withHeader("x-extra", "1");
		this.grantex.faults().enqueue(FaultTarget.any(), fault);

		WireClient.Reply reply = listUsers();

		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.headers().allValues("retry-after")).containsExactly(date);
		assertThat(reply.header("x-extra")).isEqualTo("1");
		assertThat(fault).hasToString("status(429) + retry-after: " + date + " + x-extra: 1");
		assertThat(this.grantex.requests().get(0).fault()).isEqualTo(fault.toString());
	}

	@Test
	void absurdRetryAfterAndResetValuesArriveVerbatimOnA429() {
		String longMax = "9223372036854775807";
		this.grantex.faults()
			.enqueue(FaultTarget.any(),
					Fault.rateLimited(Duration.ofSeconds(1))
						.withHeader("retry-after", longMax)
						.withHeader("x-ratelimit-reset", longMax),
					Fault.status(429, null, "")
						.withHeader("retry-after", "-1")
						.withHeader("x-ratelimit-reset", "1e300"));

		WireClient.Reply huge = listUsers();
		WireClient.Reply nonsense = listUsers();

		assertThat(huge.status()).isEqualTo(429);
		assertThat(huge.headers().allValues("retry-after")).containsExactly(longMax);
		assertThat(huge.headers().allValues("x-ratelimit-reset")).containsExactly(longMax);
		assertThat(huge.json().get("message").stringValue()).isEqualTo("Rate limit exceeded, retry in 1 second");
		assertThat(nonsense.header("retry-after")).isEqualTo("-1");
		assertThat(nonsense.header("x-ratelimit-reset")).isEqualTo("1e300");
		assertThat(nonsense.bodyBytes()).isEmpty();
	}

	@Test
	void withHeaderReplacesAHeaderOfTheSameNameAndLeavesTheOriginalFaultUnchanged() {
		Fault limited = Fault.rateLimited(Duration.ofSeconds(30));
		Fault zero = limited.withHeader("retry-after", "0").withHeader("RETRY-AFTER", "1");
		this.grantex.faults().enqueue(FaultTarget.any(), zero, limited);

		WireClient.Reply replaced = listUsers();
		WireClient.Reply original = listUsers();

		assertThat(replaced.headers().allValues("retry-after")).containsExactly("1");
		assertThat(replaced.header("x-ratelimit-reset")).isEqualTo("30");
		assertThat(original.headers().allValues("retry-after")).containsExactly("30");
		assertThat(zero).hasToString("rateLimited(30s) + retry-after: 1");
	}

	@Test
	void rateLimitedAnswersLikeThePerIpLimiterAndCreatesNothing() {
		this.grantex.faults().enqueue(CREATE_USER, Fault.rateLimited(Duration.ofSeconds(2)));

		WireClient.Reply reply = createUser("rl-should-not-exist");

		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.header("x-ratelimit-limit")).isEqualTo("5000");
		assertThat(reply.header("x-ratelimit-remaining")).isEqualTo("0");
		assertThat(reply.header("x-ratelimit-reset")).isEqualTo("2");
		assertThat(reply.header("retry-after")).isEqualTo("2");
		assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(reply.header("cache-control")).isEqualTo("no-store");
		JsonNode body = reply.json();
		assertThat(body.propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(body.get("message").stringValue()).isEqualTo("Rate limit exceeded, retry in 2 seconds");
		assertThat(body.get("code").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(body.get("requestId").stringValue()).matches(UUID);
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.requests().get(0).fault()).isEqualTo("rateLimited(2s)");
	}

	@Test
	void rateLimitedRoundsUpToWholeSecondsAsTheRealLimiterDoesAndReportsTheConfiguredLimit() {
		this.grantex.ipRateLimit(10, Duration.ofMinutes(1));
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.rateLimited(Duration.ZERO), Fault.rateLimited(Duration.ofMillis(1500)),
					Fault.rateLimited(Duration.ofMinutes(1)));

		WireClient.Reply zero = listUsers();
		WireClient.Reply fraction = listUsers();
		WireClient.Reply minute = listUsers();

		assertThat(zero.header("retry-after")).isEqualTo("1");
		assertThat(zero.json().get("message").stringValue()).isEqualTo("Rate limit exceeded, retry in 1 second");
		assertThat(zero.header("x-ratelimit-limit")).isEqualTo("10");
		assertThat(fraction.header("retry-after")).isEqualTo("2");
		assertThat(minute.header("retry-after")).isEqualTo("60");
		assertThat(minute.json().get("message").stringValue()).isEqualTo("Rate limit exceeded, retry in 1 minute");
		assertThat(zero.json().get("requestId").stringValue()).as("a fresh request id per answer")
			.isNotEqualTo(fraction.json().get("requestId").stringValue());
	}

	@Test
	void answersInsteadOfTheServerAreNotCountedByTheRealLimiter() {
		this.grantex.ipRateLimit(1, Duration.ofSeconds(30));
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.rateLimited(Duration.ofSeconds(5)), Fault.serverError(503));

		listUsers();
		listUsers();
		WireClient.Reply counted = listUsers();

		assertThat(counted.status()).isEqualTo(200);
		assertThat(counted.header("x-ratelimit-remaining")).isEqualTo("0");
	}

	@Test
	void serverError500And503CarryTheRealServersGrantexShapedBodies() {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.serverError(500), Fault.serverError(503));

		WireClient.Reply internal = createUser("alice");
		WireClient.Reply unavailable = createUser("alice");

		assertThat(internal.status()).isEqualTo(500);
		assertThat(internal.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(internal.header("cache-control")).isEqualTo("no-store");
		assertThat(internal.json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(internal.json().get("message").stringValue()).isEqualTo("An unexpected error occurred");
		assertThat(internal.json().get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
		assertThat(internal.json().get("requestId").stringValue()).matches(UUID);
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(unavailable.json().get("code").stringValue()).isEqualTo("RATE_LIMIT_UNAVAILABLE");
		assertThat(unavailable.json().get("message").stringValue())
			.isEqualTo("Authenticated rate limiting is temporarily unavailable");
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("serverError(500)", "serverError(503)");
	}

	@Test
	void serverError502And504AreAProxysHtmlPages() {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.serverError(502), Fault.serverError(504));

		WireClient.Reply badGateway = listUsers();
		WireClient.Reply timeout = listUsers();

		assertThat(badGateway.status()).isEqualTo(502);
		assertThat(badGateway.header("content-type")).isEqualTo("text/html");
		assertThat(badGateway.body()).startsWith("<html>").contains("<title>502 Bad Gateway</title>");
		assertThat(badGateway.header("cache-control")).isNull();
		assertThat(timeout.status()).isEqualTo(504);
		assertThat(timeout.body()).contains("<h1>504 Gateway Timeout</h1>");
	}

	@Test
	void htmlAnswersAProxyPageWithAnyErrorStatus() {
		this.grantex.faults().enqueue(CREATE_USER, Fault.html(403), Fault.html(599));

		WireClient.Reply forbidden = createUser("alice");
		WireClient.Reply unknown = createUser("alice");

		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.header("content-type")).isEqualTo("text/html");
		assertThat(forbidden.body()).contains("<title>403 Forbidden</title>").doesNotContain("{");
		assertThat(unknown.status()).isEqualTo(599);
		assertThat(unknown.body()).contains("599 Error");
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("html(403)", "html(599)");
	}

	@Test
	void faultsAreUsedInOrderOneEachAndLaterRequestsAreServedNormally() {
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.serverError(500), Fault.serverError(502))
			.enqueue(FaultTarget.any(), Fault.serverError(503));
		assertThat(this.grantex.faults().pending()).isEqualTo(3);

		int first = listUsers().status();
		assertThat(this.grantex.faults().pending()).isEqualTo(2);
		int second = listUsers().status();
		int third = listUsers().status();
		int fourth = listUsers().status();

		assertThat(List.of(first, second, third, fourth)).containsExactly(500, 502, 503, 200);
		assertThat(this.grantex.faults().pending()).isZero();
		assertThat(this.grantex.requests()).extracting(RecordedRequest::status).containsExactly(500, 502, 503, 200);
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("serverError(500)", "serverError(502)", "serverError(503)", null);
	}

	@Test
	void aRouteTargetMatchesItsMethodAndPathOnWholeSegmentsOnly() {
		this.grantex.faults().enqueue(CREATE_USER, Fault.serverError(503));

		WireClient.Reply list = listUsers();
		WireClient.Reply token = this.client.call("POST", "/v1/scim/tokens")
			.bearer(this.tenant.apiKey())
			.json("{\"label\":\"x\"}")
			.send();
		WireClient.Reply create = createUser("alice");
		WireClient.Reply again = createUser("alice");

		assertThat(list.status()).isEqualTo(200);
		assertThat(token.status()).isEqualTo(201);
		assertThat(create.status()).isEqualTo(503);
		assertThat(again.status()).isEqualTo(201);

		this.grantex.faults().enqueue(FaultTarget.route("*", "/scim/v2/Users"), Fault.html(502), Fault.html(502));
		String id = this.grantex.users(this.tenant.apiKey()).get(0).id();
		assertThat(this.client.get("/scim/v2/UsersX", this.tenant.scimToken()).status()).as("not below the prefix")
			.isEqualTo(404);
		assertThat(this.client.get("/scim/v2/ServiceProviderConfig", null).status()).isEqualTo(200);
		assertThat(this.client.get("/scim/v2/Users/" + id, this.tenant.scimToken()).status()).isEqualTo(502);
		assertThat(this.client.call("DELETE", "/scim/v2/Users/" + id).bearer(this.tenant.scimToken()).send().status())
			.isEqualTo(502);
		assertThat(this.grantex.users(this.tenant.apiKey())).hasSize(1);
	}

	@Test
	void aPrefixEndingInASlashMatchesEverythingBelowItAndTheQueryIsIgnored() {
		this.grantex.faults().enqueue(FaultTarget.route("GET", "/"), Fault.serverError(500), Fault.serverError(500));

		assertThat(this.client.get("/scim/v2/Users?count=1", this.tenant.scimToken()).status()).isEqualTo(500);
		assertThat(createUser("alice").status()).isEqualTo(201);
		assertThat(this.client.get("/nowhere", null).status()).isEqualTo(500);
		assertThat(this.grantex.faults().pending()).isZero();
	}

	@Test
	void aRequestTakesTheEarliestEnqueuedFaultThatMatchesIt() {
		this.grantex.faults()
			.enqueue(CREATE_USER, Fault.html(502))
			.enqueue(FaultTarget.any(), Fault.serverError(503))
			.enqueue(CREATE_USER, Fault.serverError(500));

		WireClient.Reply list = listUsers();
		WireClient.Reply firstCreate = createUser("alice");
		WireClient.Reply secondCreate = createUser("alice");
		WireClient.Reply thirdCreate = createUser("alice");

		assertThat(list.status()).as("skips the POST-only fault").isEqualTo(503);
		assertThat(firstCreate.status()).isEqualTo(502);
		assertThat(secondCreate.status()).isEqualTo(500);
		assertThat(secondCreate.json().get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
		assertThat(thirdCreate.status()).isEqualTo(201);
	}

	@Test
	void clearForgetsTheFaultsNotUsedYet() {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.serverError(500), Fault.serverError(500));
		listUsers();

		this.grantex.faults().clear();

		assertThat(this.grantex.faults().pending()).isZero();
		assertThat(listUsers().status()).isEqualTo(200);
		assertThat(this.grantex.faults().enqueue(FaultTarget.any()).pending()).as("no faults is allowed").isZero();
	}

	@Test
	void clearingTheRecordedRequestsLeavesTheScriptAlone() {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.serverError(500));

		this.grantex.clearRequests();

		assertThat(this.grantex.faults().pending()).isOne();
		assertThat(this.grantex.faults()).hasToString("[any: serverError(500)]");
		this.grantex.faults().clear();
		this.grantex.faults().enqueue(CREATE_USER, Fault.processThenDrop());
		assertThat(this.grantex.faults()).hasToString("[POST /scim/v2/Users: processThenDrop]");
	}

	@Test
	void recordedRequestsStayComparableAndTheFirstConstructorStillWorks() {
		RecordedRequest plain = new RecordedRequest("GET", "/scim/v2/Users", null, Map.of(), new byte[0], 200,
				Instant.EPOCH);
		RecordedRequest faulted = new RecordedRequest("GET", "/scim/v2/Users", null, Map.of(), new byte[0], 0,
				Instant.EPOCH, "dropBeforeProcessing");

		assertThat(plain.fault()).isNull();
		assertThat(plain).isEqualTo(
				new RecordedRequest("GET", "/scim/v2/Users", null, Map.of(), new byte[0], 200, Instant.EPOCH, null));
		assertThat(plain).isNotEqualTo(faulted);
		assertThat(plain).hasToString("GET /scim/v2/Users -> 200 (0 body bytes)");
		assertThat(plain.responseBodyBytes()).as("not known").isEqualTo(-1);
		assertThat(faulted).isEqualTo(new RecordedRequest("GET", "/scim/v2/Users", null, Map.of(), new byte[0], 0,
				Instant.EPOCH, "dropBeforeProcessing", -1));
		assertThat(faulted).hasToString("GET /scim/v2/Users -> no answer (0 body bytes) [fault: dropBeforeProcessing]");
	}

	@Test
	void targetsAndFaultsRefuseWhatCannotBeScripted() {
		assertThatThrownBy(() -> FaultTarget.route("post", "/scim/v2/Users"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("upper-case");
		assertThatThrownBy(() -> FaultTarget.route("", "/")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FaultTarget.route("GET", "scim/v2/Users"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FaultTarget.route("GET", "/scim/v2/Users?count=1"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.status(199, null, "")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.status(600, null, "")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.status(204, null, "body")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.status(200, "text/plain\r\nx: y", ""))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.serverError(501)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.html(302)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.rateLimited(Duration.ofSeconds(-1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.delayThenProcess(Duration.ofMillis(-1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.processThenDelay(Duration.ofMillis(-1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.serverError(500).withHeader("retry after", "1"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.serverError(500).withHeader("retry-after", "1\r\nx: y"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.dropBeforeProcessing().withHeader("retry-after", "1"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> Fault.processThenDrop().withHeader("retry-after", "1"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(FaultTarget.any()).hasToString("any request");
		assertThat(FaultTarget.route("*", "/v1/scim/tokens")).hasToString("* /v1/scim/tokens");
	}

}
