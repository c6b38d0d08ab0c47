package dev.grantex.scim.test;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test-facing API: arranging state without requests and asserting on state and
 * recorded requests.
 */
class InspectionApiTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	@Test
	void baseUrlIsTheLoopbackAddressWithoutATrailingSlash() {
		assertThat(this.grantex.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
		assertThat(this.grantex.baseUrl().getPort()).isPositive();
	}

	@Test
	void developersAndTokensCreatedDirectlyWorkOnTheWire() {
		String apiKey = this.grantex.createDeveloper();
		String token = this.grantex.createScimToken(apiKey, "okta-prod");

		assertThat(apiKey).startsWith("gx_test_").hasSizeGreaterThan(20);
		assertThat(token).matches("[0-9a-f]{64}");
		assertThat(this.client.get("/scim/v2/Users", token).status()).isEqualTo(200);
		assertThat(this.client.get("/v1/scim/tokens", apiKey).json().get("tokens").get(0).get("label").stringValue())
			.isEqualTo("okta-prod");
		assertThat(this.grantex.createDeveloper()).isNotEqualTo(apiKey);
	}

	@Test
	void everyRequestIsRecordedInOrderWithItsRawTargetHeadersBodyAndStatus() {
		Tenant tenant = Tenant.register(this.grantex);
		Instant before = Instant.now();

		this.client.call("POST", "/scim/v2/Users")
			.bearer(tenant.scimToken())
			.header("X-Trace", "one")
			.json("{\"userName\":\"alice\"}")
			.send();
		this.client.get("/scim/v2/Users?startIndex=1&filter=userName%20eq%20%22a%22", tenant.scimToken());
		this.client.get("/scim/v2/Nope", null);

		List<RecordedRequest> requests = this.grantex.requests();
		assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "GET", "GET");
		assertThat(requests).extracting(RecordedRequest::status).containsExactly(201, 200, 404);
		RecordedRequest post = requests.get(0);
		assertThat(post.rawPath()).isEqualTo("/scim/v2/Users");
		assertThat(post.rawQuery()).isNull();
		assertThat(post.header("authorization")).isEqualTo("Bearer " + tenant.scimToken());
		assertThat(post.header("CONTENT-TYPE")).isEqualTo("application/json");
		assertThat(post.headerValues("x-trace")).containsExactly("one");
		assertThat(post.headerValues("x-absent")).isEmpty();
		assertThat(post.header("x-absent")).isNull();
		assertThat(post.bodyAsString()).isEqualTo("{\"userName\":\"alice\"}");
		assertThat(post.receivedAt()).isAfterOrEqualTo(before.minusMillis(1));
		assertThat(requests.get(1).rawQuery()).isEqualTo("startIndex=1&filter=userName%20eq%20%22a%22");
		assertThat(requests.get(1).rawTarget()).isEqualTo("/scim/v2/Users?startIndex=1&filter=userName%20eq%20%22a%22");
		assertThat(requests.get(1).body()).isEmpty();

		this.grantex.clearRequests();
		assertThat(this.grantex.requests()).isEmpty();
		this.client.get("/scim/v2/ServiceProviderConfig", null);
		assertThat(this.grantex.requests()).singleElement()
			.extracting(RecordedRequest::rawPath)
			.isEqualTo("/scim/v2/ServiceProviderConfig");
	}

	@Test
	void eachRecordedRequestTellsHowManyResponseBodyBytesWereWritten() {
		Tenant tenant = Tenant.register(this.grantex);
		String id = this.grantex.seedUser(tenant.apiKey(), "alice").id();

		WireClient.Reply get = this.client.get("/scim/v2/Users/" + id, tenant.scimToken());
		this.client.call("HEAD", "/scim/v2/Users/" + id).bearer(tenant.scimToken()).send();
		this.client.call("DELETE", "/scim/v2/Users/" + id).bearer(tenant.scimToken()).send();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.dropBeforeProcessing(), Fault.truncatedBody());
		assertThatThrownBy(() -> this.client.call("POST", "/scim/v2/Users")
			.bearer(tenant.scimToken())
			.json("{\"userName\":\"bob\"}")
			.send()).isInstanceOf(java.io.UncheckedIOException.class);
		assertThatThrownBy(() -> this.client.call("POST", "/scim/v2/Users")
			.bearer(tenant.scimToken())
			.json("{\"userName\":\"carol\"}")
			.send()).isInstanceOf(java.io.UncheckedIOException.class);

		List<RecordedRequest> requests = this.grantex.requests();
		assertThat(requests).extracting(RecordedRequest::method)
			.containsExactly("GET", "HEAD", "DELETE", "POST", "POST");
		assertThat(requests.get(0).responseBodyBytes()).isEqualTo(get.bodyBytes().length);
		assertThat(requests.get(1).responseBodyBytes()).as("HEAD").isZero();
		assertThat(requests.get(2).responseBodyBytes()).as("204").isZero();
		assertThat(requests.get(3).responseBodyBytes()).as("dropped").isZero();
		assertThat(requests.get(4).responseBodyBytes()).as("half sent").isPositive().isLessThan(get.bodyBytes().length);
	}

	@Test
	void recordedRequestsAreImmutableSnapshots() {
		this.client.call("POST", "/scim/v2/Users").json("{\"userName\":\"x\"}").send();
		RecordedRequest recorded = this.grantex.requests().get(0);

		recorded.body()[0] = 'X';

		assertThat(recorded.bodyAsString()).isEqualTo("{\"userName\":\"x\"}");
		assertThatThrownBy(() -> recorded.headers().put("x", List.of()))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThat(recorded).isEqualTo(this.grantex.requests().get(0));
	}

	@Test
	void userSnapshotsAreOldestFirstAndDoNotChangeAfterwards() {
		Tenant tenant = Tenant.register(this.grantex);
		FakeScimUser alice = this.grantex.seedUser(tenant.apiKey(), "alice");
		this.grantex.seedUser(tenant.apiKey(), "bob");
		List<FakeScimUser> before = this.grantex.users(tenant.apiKey());

		this.client.call("PATCH", "/scim/v2/Users/" + alice.id())
			.bearer(tenant.scimToken())
			.json("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Alice\"}]}")
			.send();

		assertThat(before).extracting(FakeScimUser::userName).containsExactly("alice", "bob");
		assertThat(before.get(0).displayName()).isNull();
		assertThat(this.grantex.users(tenant.apiKey()).get(0).displayName()).isEqualTo("Alice");
		assertThat(alice.active()).isTrue();
		assertThat(alice.emailsJson()).isEqualTo("[]");
		assertThat(alice.emails().isArray()).isTrue();
		assertThat(alice.created()).isEqualTo(alice.lastModified());
	}

	@Test
	void manyUsersAreSeededNumberedOnFromCallToCallOrByNameAndAllOrNone() {
		Tenant tenant = Tenant.register(this.grantex);
		FakeGrantexAccount account = FakeGrantexAccount.create(this.grantex, "other");

		List<FakeScimUser> first = this.grantex.seedUsers(tenant.apiKey(), 3);
		List<FakeScimUser> second = this.grantex.seedUsers(tenant.apiKey(), 2);
		List<FakeScimUser> named = this.grantex.seedUsers(tenant.apiKey(), List.of("carol", "dave"));
		List<FakeScimUser> elsewhere = account.seedUsers(1);

		assertThat(first).extracting(FakeScimUser::userName)
			.containsExactly("user-1@example.com", "user-2@example.com", "user-3@example.com");
		assertThat(second).extracting(FakeScimUser::userName)
			.containsExactly("user-4@example.com", "user-5@example.com");
		assertThat(named).extracting(FakeScimUser::userName).containsExactly("carol", "dave");
		assertThat(elsewhere).extracting(FakeScimUser::userName).containsExactly("user-1@example.com");
		assertThat(this.grantex.users(tenant.apiKey())).hasSize(7).allSatisfy((user) -> {
			assertThat(user.active()).isTrue();
			assertThat(user.emailsJson()).isEqualTo("[]");
		});
		assertThat(this.client.get("/scim/v2/Users/" + named.get(1).id(), tenant.scimToken()).status()).isEqualTo(200);
		assertThatThrownBy(() -> this.grantex.seedUsers(tenant.apiKey(), List.of("erin", "carol")))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.grantex.seedUsers(tenant.apiKey(), List.of("frank", "frank")))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> account.seedUsers(List.of("ok", ""))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.grantex.seedUsers(tenant.apiKey(), -1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.grantex.users(tenant.apiKey())).as("none of a refused batch").hasSize(7);
		assertThat(account.users()).hasSize(1);
	}

	@Test
	void deleteUsersEmptiesOneDevelopersDirectoryWithoutRequests() {
		Tenant tenant = Tenant.register(this.grantex);
		Tenant other = Tenant.register(this.grantex);
		this.grantex.seedUsers(tenant.apiKey(), 1000);
		this.grantex.seedUser(other.apiKey(), "kept");

		assertThat(this.grantex.deleteUsers(tenant.apiKey())).isEqualTo(1000);

		assertThat(this.grantex.users(tenant.apiKey())).isEmpty();
		assertThat(this.grantex.users(other.apiKey())).hasSize(1);
		assertThat(this.grantex.requests()).isEmpty();
		assertThat(this.client.get("/scim/v2/Users", tenant.scimToken()).json().get("totalResults").intValue())
			.isZero();
		assertThat(this.grantex.seedUser(tenant.apiKey(), "user-1@example.com").userName())
			.isEqualTo("user-1@example.com");
	}

	@Test
	void tokenSnapshotsAreNewestFirstAndKeepRevokedTokensMarked() {
		String apiKey = this.grantex.createDeveloper();
		this.grantex.createScimToken(apiKey, "first");
		this.grantex.createScimToken(apiKey, "second");
		String firstId = this.grantex.tokens(apiKey).get(1).id();

		this.client.call("DELETE", "/v1/scim/tokens/" + firstId).bearer(apiKey).send();

		assertThat(this.grantex.tokens(apiKey)).extracting(FakeScimToken::label).containsExactly("second", "first");
		assertThat(this.grantex.tokens(apiKey)).extracting(FakeScimToken::revoked).containsExactly(false, true);
		assertThat(this.client.get("/v1/scim/tokens", apiKey).json().get("tokens")).hasSize(1);
	}

	@Test
	void arrangingMethodsRefuseWhatTheServerWouldRefuse() {
		String apiKey = this.grantex.createDeveloper();
		this.grantex.seedUser(apiKey, "bob");

		assertThatThrownBy(() -> this.grantex.users("gx_test_unknown")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("gx_test_unknown");
		assertThatThrownBy(() -> this.grantex.createScimToken("gx_test_unknown", "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.grantex.createScimToken(apiKey, "")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.grantex.seedUser(apiKey, "bob")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> this.grantex.seedUser(apiKey, "")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.grantex.ipRateLimit(-1, java.time.Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.grantex.planRateLimit(1, java.time.Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.grantex.users(apiKey)).hasSize(1);
		assertThat(this.grantex.requests()).isEmpty();
	}

}
