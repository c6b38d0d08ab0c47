package dev.grantex.scim.test;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST, GET, PUT and DELETE on users: what is stored, what comes back, and the server's
 * coercions.
 */
class UserResourceTests {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private WireClient.Reply post(String json) {
		return this.client.call("POST", "/scim/v2/Users").bearer(this.tenant.scimToken()).json(json).send();
	}

	@Test
	void createAnswers201WithTheResourceAndEmailsAsAJsonString() {
		WireClient.Reply reply = post(
				"{\"userName\":\"alice@example.com\",\"displayName\":\"Alice\",\"externalId\":\"okta-1\","
						+ "\"active\":true,\"emails\":[{\"value\":\"alice@example.com\",\"primary\":true,\"type\":\"work\"}]}");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(reply.header("location")).isNull();
		assertThat(reply.header("etag")).isNull();
		JsonNode user = reply.json();
		assertThat(user.propertyNames()).containsExactly("schemas", "id", "externalId", "userName", "displayName",
				"active", "emails", "meta");
		assertThat(user.get("id").stringValue()).matches("scimuser_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(user.get("emails").isString()).isTrue();
		assertThat(user.get("emails").stringValue())
			.isEqualTo("[{\"value\":\"alice@example.com\",\"primary\":true,\"type\":\"work\"}]");
		assertThat(user.get("meta").propertyNames()).containsExactly("resourceType", "created", "lastModified");
		assertThat(user.get("meta").get("created").stringValue())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
			.isEqualTo(user.get("meta").get("lastModified").stringValue());

		FakeScimUser stored = this.grantex.users(this.tenant.apiKey()).get(0);
		assertThat(stored.id()).isEqualTo(user.get("id").stringValue());
		assertThat(stored.displayName()).isEqualTo("Alice");
		assertThat(stored.externalId()).isEqualTo("okta-1");
		assertThat(stored.emails().get(0).get("type").stringValue()).isEqualTo("work");
	}

	@Test
	void unsetOptionalMembersAreAbsentAndEmailsDefaultToAnEmptyArrayString() {
		JsonNode user = post("{\"userName\":\"bob\",\"displayName\":null,\"externalId\":null}").json();

		assertThat(user.has("displayName")).isFalse();
		assertThat(user.has("externalId")).isFalse();
		assertThat(user.get("active").booleanValue()).isTrue();
		assertThat(user.get("emails").stringValue()).isEqualTo("[]");
	}

	@Test
	void emailsAreStoredAsTheJsonTheClientSent() {
		assertThat(post("{\"userName\":\"n\",\"emails\":null}").json().get("emails").stringValue()).isEqualTo("null");
		assertThat(post("{\"userName\":\"o\",\"emails\":{\"value\":\"x@y.z\"}}").json().get("emails").stringValue())
			.isEqualTo("{\"value\":\"x@y.z\"}");
		assertThat(
				post("{\"userName\":\"d\",\"emails\":[{\"value\":\"a@b.c\",\"display\":\"A\",\"primary\":1.0}]}").json()
					.get("emails")
					.stringValue())
			.isEqualTo("[{\"value\":\"a@b.c\",\"display\":\"A\",\"primary\":1}]");
	}

	@Test
	void emailsGoOutAsARealArrayWhenTheConformantSwitchIsOn() {
		post("{\"userName\":\"alice\",\"emails\":[{\"value\":\"a@example.com\",\"primary\":true}]}");

		this.grantex.emailsAsArray(true);
		JsonNode conformant = this.client.get("/scim/v2/Users", this.tenant.scimToken()).json().get("Resources").get(0);
		this.grantex.emailsAsArray(false);
		JsonNode real = this.client.get("/scim/v2/Users", this.tenant.scimToken()).json().get("Resources").get(0);

		assertThat(conformant.get("emails").isArray()).isTrue();
		assertThat(conformant.get("emails").get(0).get("value").stringValue()).isEqualTo("a@example.com");
		assertThat(real.get("emails").isString()).isTrue();
	}

	@Test
	void activeIsTrueOnlyForTheJsonLiteralTrueOrWhenOmitted() {
		assertThat(post("{\"userName\":\"a1\",\"active\":\"true\"}").json().get("active").booleanValue()).isFalse();
		assertThat(post("{\"userName\":\"a2\",\"active\":\"True\"}").json().get("active").booleanValue()).isFalse();
		assertThat(post("{\"userName\":\"a3\",\"active\":1}").json().get("active").booleanValue()).isFalse();
		assertThat(post("{\"userName\":\"a4\",\"active\":true}").json().get("active").booleanValue()).isTrue();
		assertThat(post("{\"userName\":\"a5\"}").json().get("active").booleanValue()).isTrue();
	}

	@Test
	void activeNullIsAnInternalErrorAndStoresNothing() {
		WireClient.Reply reply = post("{\"userName\":\"activenull\",\"active\":null}");

		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(reply.json().get("message").stringValue()).isEqualTo("An unexpected error occurred");
		assertThat(reply.json().get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
		assertThat(reply.json().get("requestId").stringValue()).matches(UUID);
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
	}

	@Test
	void userNameIsCoercedToTextTheJavaScriptWay() {
		assertThat(post("{\"userName\":12345}").json().get("userName").stringValue()).isEqualTo("12345");
		assertThat(post("{\"userName\":{\"a\":1}}").json().get("userName").stringValue()).isEqualTo("[object Object]");
		assertThat(post("{\"userName\":true}").json().get("userName").stringValue()).isEqualTo("true");
		assertThat(post("{\"userName\":1e21}").json().get("userName").stringValue()).isEqualTo("1e+21");
		assertThat(post("{\"userName\":[\"x\",null,2]}").json().get("userName").stringValue()).isEqualTo("x,,2");
	}

	@Test
	void aMissingOrFalsyUserNameOrANonObjectBodyIsTheScimInvalidValueError() {
		for (String body : List.of("{}", "{\"userName\":\"\"}", "{\"userName\":null}", "{\"userName\":0}",
				"{\"userName\":false}", "[{\"userName\":\"arr\"}]", "null", "\"bob\"", "42")) {
			WireClient.Reply reply = post(body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.body()).as(body)
				.isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
						+ "\"detail\":\"userName is required\",\"scimType\":\"invalidValue\",\"status\":400}");
		}
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
	}

	@Test
	void aDuplicateUserNameIsAnInternalErrorButUniquenessIsCaseSensitive() {
		assertThat(post("{\"userName\":\"bob\"}").status()).isEqualTo(201);

		WireClient.Reply duplicate = post("{\"userName\":\"bob\",\"displayName\":\"Second Bob\"}");
		WireClient.Reply otherCase = post("{\"userName\":\"BOB\"}");

		assertThat(duplicate.status()).isEqualTo(500);
		assertThat(duplicate.json().get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
		assertThat(otherCase.status()).isEqualTo(201);
		assertThat(this.grantex.users(this.tenant.apiKey())).extracting(FakeScimUser::userName)
			.containsExactly("bob", "BOB");
	}

	@Test
	void aUserNameLongerThanTheIndexAllowsIsAnInternalError() {
		assertThat(post("{\"userName\":\"" + "a".repeat(2600) + "\"}").status()).isEqualTo(201);
		assertThat(post("{\"userName\":\"" + "b".repeat(2601) + "\"}").status()).isEqualTo(500);
		assertThat(post("{\"userName\":\"" + "\u00e9".repeat(1301) + "\"}").status()).as("2602 UTF-8 bytes")
			.isEqualTo(500);
	}

	@Test
	void textThePostgresServerCannotStoreIsAnInternalError() {
		assertThat(post("{\"userName\":\"nul\\u0000byte\"}").status()).isEqualTo(500);
		assertThat(post("{\"userName\":\"x\",\"displayName\":\"nul\\u0000byte\"}").status()).isEqualTo(500);
		assertThat(post("{\"userName\":\"lone\\ud800surrogate\"}").json().get("userName").stringValue())
			.isEqualTo("lone\ufffdsurrogate");
	}

	@Test
	void unknownMembersAreDroppedWithoutAWord() {
		JsonNode user = post("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ext\","
				+ "\"name\":{\"givenName\":\"E\"},\"title\":\"Boss\",\"id\":\"client-chosen-id\","
				+ "\"meta\":{\"created\":\"2000-01-01T00:00:00Z\"}}")
			.json();

		assertThat(user.propertyNames()).containsExactly("schemas", "id", "userName", "active", "emails", "meta");
		assertThat(user.get("id").stringValue()).startsWith("scimuser_");
		assertThat(user.get("meta").get("created").stringValue()).doesNotStartWith("2000");
	}

	@Test
	void getAnswersTheStoredResourceAndUnknownIdsTheScimNotFoundError() {
		String id = post("{\"userName\":\"alice\",\"displayName\":\"Alice\"}").json().get("id").stringValue();

		WireClient.Reply found = this.client.get("/scim/v2/Users/" + id, this.tenant.scimToken());
		WireClient.Reply missing = this.client.get("/scim/v2/Users/scimuser_doesnotexist", this.tenant.scimToken());

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("displayName").stringValue()).isEqualTo("Alice");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
				+ "\"detail\":\"User not found\",\"scimType\":\"noTarget\",\"status\":404}");
	}

	@Test
	void putReplacesAllFiveFieldsClearingWhatIsOmitted() {
		String id = post("{\"userName\":\"alice\",\"displayName\":\"Alice\",\"externalId\":\"e-1\",\"active\":false,"
				+ "\"emails\":[{\"value\":\"a@x.y\"}]}")
			.json()
			.get("id")
			.stringValue();

		WireClient.Reply reply = this.client.call("PUT", "/scim/v2/Users/" + id)
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"alice2\"}")
			.send();

		assertThat(reply.status()).isEqualTo(200);
		JsonNode user = reply.json();
		assertThat(user.get("userName").stringValue()).isEqualTo("alice2");
		assertThat(user.has("displayName")).isFalse();
		assertThat(user.has("externalId")).isFalse();
		assertThat(user.get("active").booleanValue()).isTrue();
		assertThat(user.get("emails").stringValue()).isEqualTo("[]");
		FakeScimUser stored = this.grantex.users(this.tenant.apiKey()).get(0);
		assertThat(stored.lastModified()).isAfter(stored.created());
	}

	@Test
	void putValidatesBeforeLookingUpAndRefusesRenamingOntoAnotherUser() {
		post("{\"userName\":\"bob\"}");
		String alice = post("{\"userName\":\"alice\"}").json().get("id").stringValue();

		assertThat(this.client.call("PUT", "/scim/v2/Users/scimuser_nope")
			.bearer(this.tenant.scimToken())
			.json("{\"displayName\":\"x\"}")
			.send()
			.status()).as("missing userName, unknown id").isEqualTo(400);
		assertThat(this.client.call("PUT", "/scim/v2/Users/scimuser_nope")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"ghost\"}")
			.send()
			.status()).isEqualTo(404);
		assertThat(this.client.call("PUT", "/scim/v2/Users/" + alice)
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"bob\"}")
			.send()
			.status()).isEqualTo(500);
		assertThat(this.client.call("PUT", "/scim/v2/Users/" + alice)
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"alice\",\"displayName\":\"Same Name\"}")
			.send()
			.status()).isEqualTo(200);
		assertThat(this.grantex.users(this.tenant.apiKey())).extracting(FakeScimUser::userName)
			.containsExactly("bob", "alice");
	}

	@Test
	void deleteIsHardAnswers204WithoutBodyOrContentTypeAndThen404() {
		String id = post("{\"userName\":\"to-delete\"}").json().get("id").stringValue();

		WireClient.Reply deleted = this.client.call("DELETE", "/scim/v2/Users/" + id)
			.bearer(this.tenant.scimToken())
			.send();
		WireClient.Reply again = this.client.call("DELETE", "/scim/v2/Users/" + id)
			.bearer(this.tenant.scimToken())
			.send();

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.bodyBytes()).isEmpty();
		assertThat(deleted.header("content-type")).isNull();
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.json().get("detail").stringValue()).isEqualTo("User not found");
		assertThat(this.client.get("/scim/v2/Users/" + id, this.tenant.scimToken()).status()).isEqualTo(404);
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
	}

}
