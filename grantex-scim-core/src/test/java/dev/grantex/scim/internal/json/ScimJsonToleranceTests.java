package dev.grantex.scim.internal.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shapes that ScimJson reads beyond the ones in the transcript (null and odd members
 * that a proxy, an older server or a fixed one may send) and the bodies it refuses, each
 * with a message that says what was wrong.
 */
class ScimJsonToleranceTests {

	private final ScimJsonReader json = new ScimJsonReader(ScimJson.factory(4 * 1024 * 1024));

	private final ScimJsonWriter writer = new ScimJsonWriter(ScimJson.factory(4 * 1024 * 1024));

	@Test
	void readsAUserWithoutMetaOrWithANullMetaAsAUserResourceOfUnknownTimes() {
		ScimUser withoutMeta = this.json.readUser(body("{\"id\":\"u1\",\"userName\":\"alice\"}"));
		ScimUser withNullMeta = this.json.readUser(body("{\"id\":\"u1\",\"userName\":\"alice\",\"meta\":null}"));

		for (ScimUser user : new ScimUser[] { withoutMeta, withNullMeta }) {
			assertThat(user.meta().resourceType()).isEqualTo("User");
			assertThat(user.meta().created()).isNull();
			assertThat(user.meta().lastModified()).isNull();
			assertThat(user.active()).isTrue();
		}
	}

	@Test
	void readsANullResourceTypeAsUserAndAnEmptyTimestampAsUnknown() {
		ScimUser user = this.json.readUser(body("""
				{"id":"u1","userName":"alice","meta":{"resourceType":null,"created":"","lastModified":null}}"""));

		assertThat(user.meta().resourceType()).isEqualTo("User");
		assertThat(user.meta().created()).isNull();
		assertThat(user.meta().lastModified()).isNull();
	}

	@Test
	void readsEmailEntriesGivenAsBareStringsAndSkipsNullEntries() {
		ScimUser user = this.json.readUser(body("""
				{"id":"u1","userName":"alice","emails":["a@x.y",null,{"value":"b@x.y","primary":"TRUE"}]}"""));

		assertThat(user.emails()).containsExactly(new ScimEmail("a@x.y", false), new ScimEmail("b@x.y", true));
	}

	@Test
	void readsAPrimaryThatIsNeitherTrueNorTheStringTrueAsNotPrimary() {
		ScimUser user = this.json.readUser(
				body("""
						{"id":"u1","userName":"alice","emails":[{"value":"a@x.y","primary":"yes"},{"value":"b@x.y","primary":1}]}"""));

		assertThat(user.emails()).extracting(ScimEmail::primary).containsExactly(false, false);
	}

	@Test
	void readsAnEmailWhoseValueIsNullOrAnObjectAsAnEmptyValue() {
		ScimUser user = this.json.readUser(body("""
				{"id":"u1","userName":"alice","emails":[{"value":null},{"value":{"nested":"x"},"type":"work"}]}"""));

		assertThat(user.emails()).containsExactly(new ScimEmail("", false), new ScimEmail("", false, "work", null));
	}

	@Test
	void readsABlankEmailsStringAsNoEmails() {
		ScimUser user = this.json.readUser(body("{\"id\":\"u1\",\"userName\":\"alice\",\"emails\":\"  \"}"));

		assertThat(user.emails()).isEmpty();
	}

	@Test
	void readsAnIdOrUserNameThatIsAnObjectAsAbsentAndRefusesTheUser() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readUser(body("{\"id\":{\"x\":1},\"userName\":\"alice\"}")))
			.withMessage("the User has no id");
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readUser(body("{\"id\":\"u1\",\"userName\":[\"alice\"]}")))
			.withMessage("the User has no userName");
	}

	@ParameterizedTest
	@ValueSource(strings = { "42", "true" })
	void refusesEmailsThatAreNeitherAnArrayNorAStringHoldingJson(String emails) {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readUser(body("{\"id\":\"u1\",\"userName\":\"a\",\"emails\":" + emails + "}")))
			.withMessage("emails is neither an array nor a string holding JSON");
	}

	@Test
	void refusesAnEmailsStringHoldingTwoJsonValues() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readUser(body("{\"id\":\"u1\",\"userName\":\"a\",\"emails\":\"[] []\"}")))
			.withMessage("emails holds more than one JSON value");
	}

	@Test
	void refusesAnEmailEntryThatIsANumber() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readUser(body("{\"id\":\"u1\",\"userName\":\"a\",\"emails\":[7]}")))
			.withMessage("an entry of emails is neither an object nor a string");
	}

	@Test
	void refusesATimestampThatIsNotAnIsoInstant() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json
				.readUser(body("{\"id\":\"u1\",\"userName\":\"a\",\"meta\":{\"created\":\"28/11/2026\"}}")))
			.withMessage("created is not an ISO-8601 instant");
	}

	@Test
	void refusesABodyThatIsNotAnObjectOrIsEmpty() {
		assertThatExceptionOfType(MalformedBodyException.class).isThrownBy(() -> this.json.readUser(body("[]")))
			.withMessage("expected a SCIM User object but found START_ARRAY");
		assertThatExceptionOfType(MalformedBodyException.class).isThrownBy(() -> this.json.readUser(body("")))
			.withMessage("expected a SCIM User object but found the end of the body");
	}

	@Test
	void readsAPageWithNullResourcesAsEmptyAndNumbersSentAsStrings() {
		ScimListResponse page = this.readUserList(
				body("{\"totalResults\":\" 3 \",\"startIndex\":\"2\",\"itemsPerPage\":0,\"Resources\":null}"));

		assertThat(page.totalResults()).isEqualTo(3);
		assertThat(page.startIndex()).isEqualTo(2);
		assertThat(page.resources()).isEmpty();
	}

	@Test
	void refusesAPageWhoseCountsAreNotIntegers() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.readUserList(body("{\"totalResults\":\"many\"}")))
			.withMessage("totalResults is not an integer");
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.readUserList(body("{\"totalResults\":1,\"startIndex\":1.5}")))
			.withMessage("startIndex is not an integer");
	}

	@Test
	void refusesAPageWhoseResourcesAreNotAnArrayOfObjects() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.readUserList(body("{\"totalResults\":1,\"Resources\":{}}")))
			.withMessage("expected Resources to be an array but found START_OBJECT");
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.readUserList(body("{\"totalResults\":1,\"Resources\":[\"u1\"]}")))
			.withMessage("expected each resource to be a User object but found VALUE_STRING");
	}

	@Test
	void refusesATokenListWithoutATokensArray() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readTokens(body("{\"tokens\":{}}")))
			.withMessage("the token list has no tokens array");
	}

	@Test
	void refusesACreatedTokenThatIsNotAnObjectOrLacksAMember() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readCreatedToken(body("\"scimtok_1\"")))
			.withMessage("expected a SCIM token object but found VALUE_STRING");
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readCreatedToken(body("{\"id\":\"t\",\"label\":\"l\",\"token\":null}")))
			.withMessage("the body has no token");
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> this.json.readCreatedToken(body("{\"id\":\"t\",\"label\":\"l\",\"token\":\"s\"}")))
			.withMessage("the body has no createdAt");
	}

	private static InputStream body(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	private ScimListResponse readUserList(InputStream body) {
		return this.json.readUserList(body, 200);
	}

}
