package dev.grantex.scim.internal.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading and writing the wire format, with bodies taken verbatim from the observed
 * transcript of the real Grantex server ({@code grantex-scim-observed-transcript.md}).
 */
class ScimJsonReaderTests {

	private final ScimJsonReader json = new ScimJsonReader(ScimJson.factory(4 * 1024 * 1024));

	private final ScimJsonWriter writer = new ScimJsonWriter(ScimJson.factory(4 * 1024 * 1024));

	private static InputStream body(String json) {
		return new ByteArrayInputStream(bytes(json));
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private ScimListResponse readUserList(InputStream body) {
		return this.json.readUserList(body, 200);
	}

	@Nested
	class ReadingUsers {

		@Test
		void readsTheFullUserWithEmailsDoubleEncodedAsAString() {
			// "Create user (full)"
			ScimUser user = ScimJsonReaderTests.this.json.readUser(
					body("""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"scimuser_01M8GNQPJVCXBW75VQK9NZJ3T7",\
							"externalId":"okta-00u1","userName":"alice@example.com","displayName":"Alice Example","active":true,\
							"emails":"[{\\"value\\":\\"alice@example.com\\",\\"primary\\":true,\\"type\\":\\"work\\"}]",\
							"meta":{"resourceType":"User","created":"2026-11-28T08:53:17.531Z","lastModified":"2026-11-28T08:53:17.531Z"}}"""));

			assertThat(user.id()).isEqualTo("scimuser_01M8GNQPJVCXBW75VQK9NZJ3T7");
			assertThat(user.userName()).isEqualTo("alice@example.com");
			assertThat(user.externalId()).isEqualTo("okta-00u1");
			assertThat(user.displayName()).isEqualTo("Alice Example");
			assertThat(user.active()).isTrue();
			assertThat(user.emails()).containsExactly(new ScimEmail("alice@example.com", true, "work", null));
			assertThat(user.meta().resourceType()).isEqualTo("User");
			assertThat(user.meta().created()).isEqualTo(Instant.parse("2026-11-28T08:53:17.531Z"));
			assertThat(user.meta().lastModified()).isEqualTo(Instant.parse("2026-11-28T08:53:17.531Z"));
		}

		@Test
		void readsAMinimalUserWithAbsentOptionalMembersAsNull() {
			// "Create user (minimal: userName only)"
			ScimUser user = ScimJsonReaderTests.this.json.readUser(
					body("""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"scimuser_01M8GNQPK7CC4VYZ8EX3819T4F",\
							"userName":"bob","active":true,"emails":"[]","meta":{"resourceType":"User",\
							"created":"2026-11-28T08:53:17.543Z","lastModified":"2026-11-28T08:53:17.543Z"}}"""));

			assertThat(user.displayName()).isNull();
			assertThat(user.externalId()).isNull();
			assertThat(user.emails()).isEmpty();
		}

		@Test
		void readsTheEmailsStringNullAsNoEmails() {
			// "POST emails null"
			ScimUser user = ScimJsonReaderTests.this.json.readUser(
					body("""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"scimuser_01M8GNRAKY9SQJ27AT3GWP9F68",\
							"userName":"emailnull","active":true,"emails":"null","meta":{"resourceType":"User",\
							"created":"2026-11-28T08:53:38.046Z","lastModified":"2026-11-28T08:53:38.046Z"}}"""));

			assertThat(user.emails()).isEmpty();
		}

		@Test
		void readsAnEmailsStringHoldingASingleObjectAsOneEmail() {
			// "POST emails as object (not array)"
			ScimUser user = ScimJsonReaderTests.this.json.readUser(
					body("""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"scimuser_01M8GNRAKHQ4PCY8NM4V1MMYXD",\
							"userName":"emailobj","active":true,"emails":"{\\"value\\":\\"x@y.z\\"}","meta":{"resourceType":"User",\
							"created":"2026-11-28T08:53:38.033Z","lastModified":"2026-11-28T08:53:38.033Z"}}"""));

			assertThat(user.emails()).containsExactly(new ScimEmail("x@y.z", false));
		}

		@Test
		void readsTheConformantEmailsArrayThatAFixedServerWouldSend() {
			ScimUser user = ScimJsonReaderTests.this.json.readUser(
					body("""
							{"id":"u1","userName":"alice","active":false,"emails":[{"value":"a@x.y","primary":true,"type":"work",\
							"display":"Alice <a@x.y>"},{"value":"b@x.y"}],"meta":{"resourceType":"User"}}"""));

			assertThat(user.active()).isFalse();
			assertThat(user.emails()).containsExactly(new ScimEmail("a@x.y", true, "work", "Alice <a@x.y>"),
					new ScimEmail("b@x.y", false));
			assertThat(user.meta().created()).isNull();
		}

		@Test
		void ignoresUnknownMembersAtEveryLevel() {
			ScimUser user = ScimJsonReaderTests.this.json.readUser(body("""
					{"id":"u1","name":{"givenName":"A","x":[1,{"y":2}]},"userName":"alice","active":true,\
					"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"},\
					"emails":[{"value":"a@x.y","weird":{"deep":[true]}}],"meta":{"resourceType":"User",\
					"location":"https://x/Users/u1","version":"W/\\"1\\""}, "groups":[]}"""));

			assertThat(user.userName()).isEqualTo("alice");
			assertThat(user.emails()).containsExactly(new ScimEmail("a@x.y", false));
		}

		@Test
		void readsAUnicodeUserName() {
			// "POST unicode userName"
			ScimUser user = ScimJsonReaderTests.this.json.readUser(
					body("""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"scimuser_01M8GNRAMQFMQR3JAYFZ5J7JTC",\
							"userName":"Zoë.Ünïcødé 用户 🎉","displayName":"Zoë","active":true,"emails":"[]",\
							"meta":{"resourceType":"User","created":"2026-11-28T08:53:38.071Z","lastModified":"2026-11-28T08:53:38.071Z"}}"""));

			assertThat(user.userName()).isEqualTo("Zoë.Ünïcødé 用户 🎉");
		}

		@Test
		void refusesAUserWithoutAnId() {
			assertThatExceptionOfType(MalformedBodyException.class)
				.isThrownBy(
						() -> ScimJsonReaderTests.this.json.readUser(body("{\"userName\":\"alice\",\"active\":true}")))
				.withMessageContaining("no id");
		}

		@Test
		void refusesAnEmailsStringThatIsNotJson() {
			assertThatExceptionOfType(MalformedBodyException.class)
				.isThrownBy(() -> ScimJsonReaderTests.this.json
					.readUser(body("{\"id\":\"u\",\"userName\":\"a\",\"emails\":\"[{oops\"}")))
				.withMessageContaining("emails");
		}

	}

	@Nested
	class ReadingPages {

		@Test
		void readsAPageWhoseItemsPerPageIsTheRequestedCountNotTheNumberReturned() {
			// "List users ?startIndex=4&count=10": one user, itemsPerPage 10
			ScimListResponse page = readUserList(
					body("""
							{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":4,"startIndex":4,\
							"itemsPerPage":10,"Resources":[{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],\
							"id":"scimuser_01M8GNQPMEPH03FAFPHNJ37D31","userName":"dave","active":false,"emails":"[]",\
							"meta":{"resourceType":"User","created":"2026-11-28T08:53:17.582Z","lastModified":"2026-11-28T08:53:17.582Z"}}]}"""));

			assertThat(page.totalResults()).isEqualTo(4);
			assertThat(page.startIndex()).isEqualTo(4);
			assertThat(page.itemsPerPage()).isEqualTo(10);
			assertThat(page.resources()).extracting(ScimUser::userName).containsExactly("dave");
			assertThat(page.resources().get(0).active()).isFalse();
		}

		@Test
		void readsAnEmptyPagePastTheEnd() {
			// "List users ?startIndex=10&count=10"
			ScimListResponse page = readUserList(body("""
					{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":4,"startIndex":10,\
					"itemsPerPage":10,"Resources":[]}"""));

			assertThat(page.resources()).isEmpty();
			assertThat(page.startIndex()).isEqualTo(10);
		}

		@Test
		void refusesAPageWithoutTotalResults() {
			assertThatExceptionOfType(MalformedBodyException.class)
				.isThrownBy(() -> readUserList(body("{\"Resources\":[]}")))
				.withMessageContaining("totalResults");
		}

	}

	@Nested
	class ReadingTokensAndConfig {

		@Test
		void readsACreatedTokenWithoutLastUsedAt() {
			// "Create SCIM token (API key)"
			ScimTokenWithSecret token = ScimJsonReaderTests.this.json.readCreatedToken(body("""
					{"id":"scimtok_01M8GNQCJ04TS0KHCP3V7S4CZ3","label":"okta-prod",\
					"token":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",\
					"createdAt":"2026-11-28T08:53:07.264Z"}"""));

			assertThat(token.id()).isEqualTo("scimtok_01M8GNQCJ04TS0KHCP3V7S4CZ3");
			assertThat(token.label()).isEqualTo("okta-prod");
			assertThat(token.createdAt()).isEqualTo(Instant.parse("2026-11-28T08:53:07.264Z"));
			assertThat(token.lastUsedAt()).isNull();
			assertThat(token.toString()).doesNotContain(token.token()).contains("redacted");
		}

		@Test
		void readsTheTokenListNewestFirst() {
			// "List SCIM tokens"
			ListScimTokensResponse tokens = ScimJsonReaderTests.this.json.readTokens(
					body("""
							{"tokens":[{"id":"scimtok_01M8GNQCMKPJ58W4G4NAM4VWYY","label":"123","createdAt":"2026-11-28T08:53:07.348Z",\
							"lastUsedAt":null},{"id":"scimtok_01M8GNQCJKFY7067T0W7H7A4QK","label":"to-revoke",\
							"createdAt":"2026-11-28T08:53:07.283Z","lastUsedAt":null},{"id":"scimtok_01M8GNQCJ04TS0KHCP3V7S4CZ3",\
							"label":"okta-prod","createdAt":"2026-11-28T08:53:07.264Z","lastUsedAt":null}]}"""));

			assertThat(tokens.tokens()).extracting("label").containsExactly("123", "to-revoke", "okta-prod");
			assertThat(tokens.tokens()).allSatisfy((token) -> assertThat(token.lastUsedAt()).isNull());
		}

		@Test
		void readsTheServiceProviderConfig() {
			// "ServiceProviderConfig, no auth"
			ServiceProviderConfig config = ScimJsonReaderTests.this.json.readServiceProviderConfig(
					body("""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],"patch":{"supported":true},\
							"bulk":{"supported":false,"maxOperations":0,"maxPayloadSize":0},"filter":{"supported":false,"maxResults":200},\
							"changePassword":{"supported":false},"sort":{"supported":false},"etag":{"supported":false},\
							"authenticationSchemes":[{"name":"OAuth Bearer Token","description":"Authentication scheme using the Bearer token",\
							"type":"oauthbearertoken","primary":true}],"meta":{"resourceType":"ServiceProviderConfig"}}"""));

			assertThat(config.patchSupported()).isTrue();
			assertThat(config.bulk()).isEqualTo(new ServiceProviderConfig.Bulk(false, 0, 0));
			assertThat(config.filter()).isEqualTo(new ServiceProviderConfig.Filter(false, 200));
			assertThat(config.sortSupported()).isFalse();
			assertThat(config.etagSupported()).isFalse();
			assertThat(config.changePasswordSupported()).isFalse();
			assertThat(config.authenticationSchemes()).singleElement()
				.satisfies((scheme) -> assertThat(scheme.type()).isEqualTo("oauthbearertoken"));
		}

	}

	@Nested
	class ReadingErrors {

		@Test
		void readsTheScimShapeWithANumericStatus() {
			ScimJsonReader.ErrorBody error = ScimJsonReaderTests.this.json.readErrorBody(
					bytes("""
							{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User not found","scimType":"noTarget","status":404}"""));

			assertThat(error).isEqualTo(new ScimJsonReader.ErrorBody(null, null, "noTarget", "User not found", null));
		}

		@Test
		void readsTheScimShapeWithAStringStatusAsRfc7644WritesIt() {
			ScimJsonReader.ErrorBody error = ScimJsonReaderTests.this.json.readErrorBody(
					bytes("""
							{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Conflict","scimType":"uniqueness","status":"409"}"""));

			assertThat(error).isNotNull();
			assertThat(error.scimType()).isEqualTo("uniqueness");
		}

		@Test
		void readsTheGrantexShapeWithItsRequestId() {
			ScimJsonReader.ErrorBody error = ScimJsonReaderTests.this.json.readErrorBody(
					bytes("""
							{"message":"label is required","code":"BAD_REQUEST","requestId":"d35b1812-6aa8-440b-a5d2-5be037a22c74"}"""));

			assertThat(error).isEqualTo(new ScimJsonReader.ErrorBody("BAD_REQUEST", "label is required", null, null,
					"d35b1812-6aa8-440b-a5d2-5be037a22c74"));
		}

		@Test
		void readsTheFrameworkShapeOfUnknownRoutes() {
			ScimJsonReader.ErrorBody error = ScimJsonReaderTests.this.json.readErrorBody(bytes("""
					{"message":"Route GET:/scim/v2/Schemas not found","error":"Not Found","statusCode":404}"""));

			assertThat(error).isEqualTo(new ScimJsonReader.ErrorBody("Not Found",
					"Route GET:/scim/v2/Schemas not found", null, null, null));
		}

		@Test
		void returnsNullForBodiesThatAreNotAJsonObject() {
			assertThat(ScimJsonReaderTests.this.json.readErrorBody(bytes(""))).isNull();
			assertThat(ScimJsonReaderTests.this.json.readErrorBody(bytes("<html><body>502 Bad Gateway</body></html>")))
				.isNull();
			assertThat(ScimJsonReaderTests.this.json.readErrorBody(bytes("{\"message\":\"cut sh"))).isNull();
			assertThat(ScimJsonReaderTests.this.json.readErrorBody(bytes("Invalid Upgrade header"))).isNull();
			assertThat(ScimJsonReaderTests.this.json.readErrorBody(bytes("[1,2]"))).isNull();
		}

	}

	@Nested
	class Writing {

		@Test
		void writesAUserWithActiveAsABooleanAndOnlyTheMembersSet() {
			String written = text(
					ScimJsonReaderTests.this.writer.writeUser(CreateScimUserParams.builder("alice@example.com")
						.email(ScimEmail.primary("alice@example.com", "work"))
						.active(false)
						.build()));

			assertThat(written).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
					+ "\"userName\":\"alice@example.com\",\"active\":false,"
					+ "\"emails\":[{\"value\":\"alice@example.com\",\"primary\":true,\"type\":\"work\"}]}");
		}

		@Test
		void writesPatchOperationsWithTheirValuesAsJson() {
			String written = text(ScimJsonReaderTests.this.writer.writePatch(
					List.of(PatchOperation.replace("active", false), PatchOperation.add("displayName", "Robert"),
							PatchOperation.replace(Map.of("userName", "bob")))));

			assertThat(written).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
					+ "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
					+ "{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"Robert\"},"
					+ "{\"op\":\"replace\",\"value\":{\"userName\":\"bob\"}}]}");
		}

		@Test
		void writesARemoveWithoutAValue() {
			assertThat(text(ScimJsonReaderTests.this.writer.writePatch(List.of(PatchOperation.remove("displayName")))))
				.endsWith("\"Operations\":[{\"op\":\"remove\",\"path\":\"displayName\"}]}");
		}

		@Test
		void writesTheTokenLabel() {
			assertThat(text(ScimJsonReaderTests.this.writer.writeTokenRequest("okta \"prod\"")))
				.isEqualTo("{\"label\":\"okta \\\"prod\\\"\"}");
		}

	}

}
