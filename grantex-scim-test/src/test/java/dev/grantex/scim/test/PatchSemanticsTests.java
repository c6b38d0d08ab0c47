package dev.grantex.scim.test;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH as the real server does it: only add/replace on active, userName and displayName
 * take effect, everything else is silently ignored with 200, and malformed operations
 * fail with 500.
 */
class PatchSemanticsTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	private String bobId = "";

	@BeforeEach
	void createBob() {
		this.bobId = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"bob\",\"displayName\":\"Bob\",\"externalId\":\"e-0\",\"emails\":[{\"value\":\"b@x.y\"}]}")
			.send()
			.json()
			.get("id")
			.stringValue();
		this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"carol\"}")
			.send();
	}

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private WireClient.Reply patch(String json) {
		return this.client.call("PATCH", "/scim/v2/Users/" + this.bobId)
			.bearer(this.tenant.scimToken())
			.json(json)
			.send();
	}

	private static String op(String op, String path, String value) {
		return "{\"Operations\":[{\"op\":\"" + op + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
	}

	private FakeScimUser bob() {
		return this.grantex.users(this.tenant.apiKey())
			.stream()
			.filter((user) -> user.id().equals(this.bobId))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void replaceByPathAnswers200WithTheFullResource() {
		WireClient.Reply reply = patch("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
				+ "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("schemas", "id", "externalId", "userName",
				"displayName", "active", "emails", "meta");
		assertThat(reply.json().get("active").booleanValue()).isFalse();
		assertThat(bob().active()).isFalse();
	}

	@Test
	void theOpNameIsCaseInsensitive() {
		assertThat(patch(op("Replace", "displayName", "\"Robert\"")).json().get("displayName").stringValue())
			.isEqualTo("Robert");
		assertThat(patch(op("ADD", "userName", "\"bobby\"")).json().get("userName").stringValue()).isEqualTo("bobby");
	}

	@Test
	void aPathlessValueObjectSetsOnlyActiveUserNameAndDisplayName() {
		JsonNode user = patch(
				"{\"Operations\":[{\"op\":\"add\",\"value\":{\"active\":false,\"displayName\":\"Bob Final\","
						+ "\"userName\":\"robert\",\"externalId\":\"e-1\",\"emails\":[{\"value\":\"new@x.y\"}]}}]}")
			.json();

		assertThat(user.get("active").booleanValue()).isFalse();
		assertThat(user.get("displayName").stringValue()).isEqualTo("Bob Final");
		assertThat(user.get("userName").stringValue()).isEqualTo("robert");
		assertThat(user.get("externalId").stringValue()).isEqualTo("e-0");
		assertThat(user.get("emails").stringValue()).isEqualTo("[{\"value\":\"b@x.y\"}]");
	}

	@Test
	void theLaterOperationWins() {
		JsonNode user = patch("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"First\"},"
				+ "{\"op\":\"replace\",\"value\":{\"displayName\":\"Second\"}},"
				+ "{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
				+ "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}")
			.json();

		assertThat(user.get("displayName").stringValue()).isEqualTo("Second");
		assertThat(user.get("active").booleanValue()).isTrue();
	}

	@Test
	void everythingElseIsIgnoredWith200ButLastModifiedStillMoves() {
		FakeScimUser before = bob();
		List<String> ignored = List.of("{\"Operations\":[{\"op\":\"remove\",\"path\":\"displayName\"}]}",
				op("frobnicate", "displayName", "\"x\""), op("replace", "emails", "[{\"value\":\"bob@x.y\"}]"),
				op("replace", "externalId", "\"ext-9\""), op("replace", "name.givenName", "\"Rob\""),
				op("replace", "emails[type eq \\\"work\\\"].value", "\"w@x.y\""),
				op("replace", "DisplayName", "\"wrong case\""), op("replace", "displayName", "null"),
				op("replace", "active", "null"), "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\"}]}",
				"{\"operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"lower\"}]}",
				"{\"Operations\":[]}", "{\"Operations\":null}", "{}", "[]");
		Instant lastModified = before.lastModified();
		for (String body : ignored) {
			WireClient.Reply reply = patch(body);
			assertThat(reply.status()).as(body).isEqualTo(200);
			FakeScimUser after = bob();
			assertThat(after.lastModified()).as(body).isAfter(lastModified);
			assertThat(List.of(after.userName(), after.displayName(), after.externalId(), after.active(),
					after.emailsJson()))
				.as(body)
				.isEqualTo(List.of(before.userName(), before.displayName(), before.externalId(), before.active(),
						before.emailsJson()));
			lastModified = after.lastModified();
		}
	}

	@Test
	void aBodylessPatchOrATextBodyIsAnEmptyPatch() {
		WireClient.Reply bodyless = this.client.call("PATCH", "/scim/v2/Users/" + this.bobId)
			.bearer(this.tenant.scimToken())
			.send();
		WireClient.Reply text = this.client.call("PATCH", "/scim/v2/Users/" + this.bobId)
			.bearer(this.tenant.scimToken())
			.body("text/plain", op("replace", "displayName", "\"ignored\""))
			.send();

		assertThat(bodyless.status()).isEqualTo(200);
		assertThat(text.status()).isEqualTo(200);
		assertThat(bob().displayName()).isEqualTo("Bob");
	}

	@Test
	void activeIsTrueOnlyForTheJsonLiteralTrue() {
		for (String value : List.of("\"True\"", "\"true\"", "1", "{\"x\":1}", "[true]")) {
			patch(op("replace", "active", "true"));
			assertThat(patch(op("replace", "active", value)).json().get("active").booleanValue()).as(value).isFalse();
		}
	}

	@Test
	void nonStringValuesAreCoercedToText() {
		assertThat(patch(op("replace", "displayName", "42")).json().get("displayName").stringValue()).isEqualTo("42");
		assertThat(patch(op("replace", "userName", "false")).json().get("userName").stringValue()).isEqualTo("false");
	}

	@Test
	void malformedOperationsAreInternalErrorsEvenForAnUnknownId() {
		List<String> malformed = List.of("{\"Operations\":{\"op\":\"replace\",\"path\":\"active\",\"value\":false}}",
				"{\"Operations\":\"replace\"}", "{\"Operations\":42}",
				"{\"Operations\":[{\"path\":\"active\",\"value\":false}]}",
				"{\"Operations\":[{\"op\":1,\"path\":\"active\",\"value\":false}]}", "{\"Operations\":[null]}",
				"{\"Operations\":[\"replace\"]}");
		for (String body : malformed) {
			WireClient.Reply reply = patch(body);
			assertThat(reply.status()).as(body).isEqualTo(500);
			assertThat(reply.json().get("code").stringValue()).as(body).isEqualTo("INTERNAL_ERROR");
			assertThat(this.client.call("PATCH", "/scim/v2/Users/scimuser_nope")
				.bearer(this.tenant.scimToken())
				.json(body)
				.send()
				.status()).as("unknown id, " + body).isEqualTo(500);
		}
		assertThat(bob().active()).isTrue();
	}

	@Test
	void renamingOntoAnExistingUserNameIsAnInternalErrorAndAnUnknownIdIsNotFound() {
		WireClient.Reply rename = patch(op("replace", "userName", "\"carol\""));
		WireClient.Reply unknown = this.client.call("PATCH", "/scim/v2/Users/scimuser_nope")
			.bearer(this.tenant.scimToken())
			.json(op("replace", "active", "false"))
			.send();

		assertThat(rename.status()).isEqualTo(500);
		assertThat(bob().userName()).isEqualTo("bob");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("scimType").stringValue()).isEqualTo("noTarget");
	}

}
