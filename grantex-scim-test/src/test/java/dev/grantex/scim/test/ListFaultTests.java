package dev.grantex.scim.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * List answers that repeat the same page, never end, or hold more users than asked for,
 * standing on every list request until cleared.
 */
class ListFaultTests {

	private static final FaultTarget LIST = FaultTarget.route("GET", "/scim/v2/Users");

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private JsonNode list(String query) {
		WireClient.Reply reply = this.client.get("/scim/v2/Users" + query, this.tenant.scimToken());
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("Resources").forEach((user) -> ids.add(user.get("id").stringValue()));
		return ids;
	}

	@Test
	void aRepeatingPageHoldsTheSameUsersWhateverStartIndexAsksAndAnnouncesMore() {
		this.grantex.seedUser(this.tenant.apiKey(), "real");
		this.grantex.faults().always(LIST, Fault.repeatingPage(1000));

		JsonNode first = list("?startIndex=1&count=50");
		JsonNode second = list("?startIndex=51&count=50");
		JsonNode clamped = list("?startIndex=abc&count=500");

		assertThat(ids(first)).hasSize(50).doesNotHaveDuplicates().isEqualTo(ids(second));
		assertThat(first.get("totalResults").longValue()).isEqualTo(1000);
		assertThat(second.get("startIndex").intValue()).as("echoed as asked").isEqualTo(51);
		assertThat(second.get("itemsPerPage").intValue()).isEqualTo(50);
		assertThat(ids(clamped)).hasSize(200).startsWith(ids(first).toArray(String[]::new));
		assertThat(clamped.get("startIndex").intValue()).isEqualTo(1);
		assertThat(first.get("Resources").get(0).get("emails").isString()).as("the real server's format").isTrue();
		assertThat(ids(first)).allMatch((id) -> id.matches("scimuser_[0-9A-Z]{26}"));
		assertThat(this.grantex.faults().pending()).isZero();
	}

	@Test
	void anEndlessListSendsNewUsersOnEveryPageAndAlwaysAnnouncesOnePageMore() {
		this.grantex.faults().always(LIST, Fault.endlessList());
		Set<String> seen = new HashSet<>();
		int startIndex = 1;

		for (int page = 0; page < 20; page++) {
			JsonNode answer = list("?startIndex=" + startIndex + "&count=100");
			List<String> ids = ids(answer);
			assertThat(ids).hasSize(100);
			assertThat(seen.addAll(ids)).isTrue();
			assertThat(answer.get("totalResults").longValue()).isEqualTo(startIndex - 1 + 200);
			assertThat(answer.get("Resources").get(0).get("userName").stringValue())
				.isEqualTo("user-" + startIndex + "@example.com");
			startIndex += ids.size();
		}
		assertThat(seen).hasSize(2000);
		assertThat(list("?startIndex=1&count=100").get("Resources").get(0).get("id").stringValue())
			.as("new ids even for a page asked for again")
			.isNotIn(seen);
	}

	@Test
	void anEndlessListMayAnnounceAHugeFixedTotal() {
		this.grantex.emailsAsArray(true);
		this.grantex.faults().always(LIST, Fault.endlessList(Long.MAX_VALUE));

		WireClient.Reply reply = this.client.get("/scim/v2/Users?startIndex=1000001", this.tenant.scimToken());

		assertThat(reply.body()).contains("\"totalResults\":9223372036854775807,\"startIndex\":1000001,");
		assertThat(reply.json().get("Resources")).hasSize(100);
		assertThat(reply.json().get("Resources").get(0).get("emails").isArray()).isTrue();
	}

	@Test
	void aPageLargerThanCountHoldsMoreUsersThanTheRequestAskedFor() {
		this.grantex.faults().enqueue(LIST, Fault.pageLargerThanCount(250));

		JsonNode page = list("?count=10");

		assertThat(ids(page)).hasSize(250).doesNotHaveDuplicates();
		assertThat(page.get("totalResults").intValue()).isEqualTo(250);
		assertThat(page.get("itemsPerPage").intValue()).isEqualTo(10);
		assertThat(this.grantex.requests()).singleElement()
			.extracting(RecordedRequest::fault)
			.isEqualTo("pageLargerThanCount(250)");
	}

	@Test
	void aOneShotFaultGoesBeforeAStandingOneAndClearForgetsBoth() {
		this.grantex.faults().always(LIST, Fault.endlessList());
		this.grantex.faults().enqueue(LIST, Fault.serverError(503));

		assertThat(this.client.get("/scim/v2/Users", this.tenant.scimToken()).status()).isEqualTo(503);
		assertThat(list("").get("Resources")).hasSize(100);
		assertThat(this.grantex.faults()).hasToString("[always GET /scim/v2/Users: endlessList(growing)]");

		this.grantex.faults().clear();

		assertThat(list("").get("totalResults").intValue()).isZero();
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("serverError(503)", "endlessList(growing)", null);
	}

	@Test
	void totalsAndSizesOutOfRangeAreRefused() {
		assertThatThrownBy(() -> Fault.repeatingPage(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.endlessList(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.pageLargerThanCount(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.pageLargerThanCount(100_001)).isInstanceOf(IllegalArgumentException.class);
		assertThat(Fault.endlessList(5)).hasToString("endlessList(totalResults 5)");
		assertThat(Fault.repeatingPage(7)).hasToString("repeatingPage(totalResults 7)");
	}

}
