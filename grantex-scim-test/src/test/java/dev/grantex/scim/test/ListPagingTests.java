package dev.grantex.scim.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /scim/v2/Users: defaults, clamping, the echoed itemsPerPage, parameter parsing,
 * ignored parameters.
 */
class ListPagingTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private void seed(int count) {
		for (int i = 1; i <= count; i++) {
			this.grantex.seedUser(this.tenant.apiKey(), "user-" + i);
		}
	}

	private WireClient.Reply list(String query) {
		return this.client.get("/scim/v2/Users" + query, this.tenant.scimToken());
	}

	private static List<String> userNames(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("Resources").forEach((user) -> names.add(user.get("userName").stringValue()));
		return names;
	}

	private static List<Object> header(JsonNode page) {
		return List.of(page.get("totalResults").intValue(), page.get("startIndex").longValue(),
				page.get("itemsPerPage").intValue());
	}

	@Test
	void defaultsToTheFirstHundredOldestFirst() {
		seed(5);

		JsonNode page = list("").json();

		assertThat(page.propertyNames()).containsExactly("schemas", "totalResults", "startIndex", "itemsPerPage",
				"Resources");
		assertThat(page.get("schemas").get(0).stringValue())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
		assertThat(header(page)).containsExactly(5, 1L, 100);
		assertThat(userNames(page)).containsExactly("user-1", "user-2", "user-3", "user-4", "user-5");
	}

	@Test
	void itemsPerPageEchoesTheClampedCountNotTheNumberReturned() {
		seed(4);

		JsonNode page = list("?startIndex=4&count=10").json();
		JsonNode middle = list("?startIndex=2&count=2").json();

		assertThat(header(page)).containsExactly(4, 4L, 10);
		assertThat(userNames(page)).containsExactly("user-4");
		assertThat(header(middle)).containsExactly(4, 2L, 2);
		assertThat(userNames(middle)).containsExactly("user-2", "user-3");
	}

	@Test
	void pastTheEndIsAnEmptyPageEchoingTheRequestedStartIndex() {
		seed(4);

		JsonNode page = list("?startIndex=10&count=10").json();

		assertThat(header(page)).containsExactly(4, 10L, 10);
		assertThat(page.get("Resources").isEmpty()).isTrue();
	}

	@Test
	void countIsClampedToOneThroughTwoHundredAndStartIndexToAtLeastOne() {
		seed(205);

		assertThat(header(list("?count=0").json())).containsExactly(205, 1L, 1);
		assertThat(userNames(list("?count=-3").json())).containsExactly("user-1");
		assertThat(userNames(list("?startIndex=0&count=1").json())).containsExactly("user-1");
		assertThat(header(list("?startIndex=-5&count=1").json())).containsExactly(205, 1L, 1);
		JsonNode capped = list("?count=500").json();
		assertThat(header(capped)).containsExactly(205, 1L, 200);
		assertThat(capped.get("Resources").size()).isEqualTo(200);
		assertThat(userNames(list("?startIndex=201&count=200").json())).containsExactly("user-201", "user-202",
				"user-203", "user-204", "user-205");
	}

	@Test
	void parametersAreReadAsJavaScriptNumbers() {
		seed(3);

		assertThat(header(list("?startIndex=&count=").json())).as("empty is 0").containsExactly(3, 1L, 1);
		assertThat(header(list("?startIndex=1e3").json())).containsExactly(3, 1000L, 100);
		assertThat(header(list("?startIndex=%202%20&count=0x2").json())).containsExactly(3, 2L, 2);
		assertThat(header(list("?count=Infinity").json())).containsExactly(3, 1L, 200);
	}

	@Test
	void nonIntegerOrRepeatedParametersAreInternalErrors() {
		seed(2);
		for (String query : List.of("?startIndex=abc", "?count=abc", "?startIndex=1.5&count=1", "?count=1.5",
				"?count=1&count=2", "?startIndex=1&startIndex=2", "?startIndex=1e30", "?startIndex=Infinity")) {
			WireClient.Reply reply = list(query);
			assertThat(reply.status()).as(query).isEqualTo(500);
			assertThat(reply.json().get("message").stringValue()).as(query).isEqualTo("An unexpected error occurred");
		}
	}

	@Test
	void filterSortAndAttributeParametersAreIgnored() {
		seed(3);
		String everything = list("").body();

		for (String query : List.of("?filter=userName%20eq%20%22user-2%22", "?sortBy=userName&sortOrder=descending",
				"?attributes=userName", "?excludedAttributes=emails")) {
			assertThat(list(query).body()).as(query).isEqualTo(everything);
		}
	}

	@Test
	void aPagerStoppingOnTotalResultsAndResourcesSizeSeesEveryUserOnce() {
		seed(7);
		List<String> seen = new ArrayList<>();
		int startIndex = 1;
		while (true) {
			JsonNode page = list("?startIndex=" + startIndex + "&count=3").json();
			seen.addAll(userNames(page));
			int returned = page.get("Resources").size();
			if (returned == 0 || startIndex - 1 + returned >= page.get("totalResults").intValue()) {
				break;
			}
			startIndex += returned;
		}
		assertThat(seen).containsExactly("user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7");
	}

}
