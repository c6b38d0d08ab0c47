package dev.grantex.scim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.http.ScimJdkHttpClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimToken;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The client's behaviour, operation by operation, against the fake Grantex server, which
 * reproduces the real server's wire behaviour (quirks included) and records what it
 * received.
 */
class ScimClientTests {

	private static FakeGrantexServer server;

	private String apiKey;

	private String scimToken;

	private ScimClient client;

	@BeforeAll
	static void startServer() {
		server = FakeGrantexServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void newTenant() {
		// every test gets its own developer, so tests never see each other's users or
		// tokens
		this.apiKey = server.createDeveloper();
		this.scimToken = server.createScimToken(this.apiKey, "tests");
		this.client = clientBuilder().apiKey(this.apiKey).scimToken(this.scimToken).build();
		server.clearRequests();
	}

	private static ScimClient.Builder clientBuilder() {
		return ScimClient.builder().baseUrl(server.baseUrl());
	}

	private RecordedRequest onlyRequest() {
		assertThat(server.requests()).hasSize(1);
		return server.requests().get(0);
	}

	private RecordedRequest onlyRequestAfterCreate() {
		List<RecordedRequest> requests = server.requests();
		assertThat(requests).hasSize(2);
		return requests.get(1);
	}

	@Nested
	class CreateToken {

		@Test
		void returnsTheSecretWhichTheServerThenAcceptsOnTheScimRoutes() {
			ScimTokenWithSecret token = ScimClientTests.this.client.createToken("okta-prod");

			assertThat(token.id()).startsWith("scimtok_");
			assertThat(token.label()).isEqualTo("okta-prod");
			assertThat(token.token()).hasSize(64);
			assertThat(token.lastUsedAt()).isNull();
			ScimClient withNewToken = clientBuilder().scimToken(token.token()).build();
			assertThat(withNewToken.listUsers().totalResults()).isZero();
		}

		@Test
		void sendsTheApiKeyAndAJsonBody() {
			ScimClientTests.this.client.createToken("okta-prod");

			RecordedRequest request = onlyRequest();
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.rawPath()).isEqualTo("/v1/scim/tokens");
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + ScimClientTests.this.apiKey);
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
			assertThat(request.bodyAsString()).isEqualTo("{\"label\":\"okta-prod\"}");
		}

		@Test
		void refusesABlankLabelBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.createToken(" "))
				.withMessageContaining("label must not be blank");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.createToken(null));
			assertThat(server.requests()).isEmpty();
		}

		@Test
		void withoutAnApiKeyFailsBeforeSendingAndNamesTheProperty() {
			ScimClient tokenOnly = clientBuilder().scimToken(ScimClientTests.this.scimToken).build();

			assertThatExceptionOfType(ScimMissingCredentialException.class).isThrownBy(() -> tokenOnly.createToken("x"))
				.withMessageContaining("ScimClient.Builder.apiKey(...)")
				.withMessageContaining("ScimClient.Builder.apiKey(...)")
				.satisfies((ex) -> assertThat(ex.credential()).isEqualTo(ScimCredential.API_KEY));
			assertThat(server.requests()).isEmpty();
		}

		@Test
		void withAWrongApiKeyIsRefusedWithAHint() {
			ScimClient wrongKey = clientBuilder().apiKey("gx_test_notarealkey").build();

			assertThatExceptionOfType(ScimAuthenticationException.class).isThrownBy(() -> wrongKey.createToken("x"))
				.withMessageContaining("refused the developer API key on POST /v1/scim/tokens")
				.withMessageContaining("Invalid API key")
				.withMessageContaining("ScimClient.Builder.apiKey(...)")
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401))
				.satisfies((ex) -> assertThat(ex.requestId()).isNotBlank());
		}

	}

	@Nested
	class ListTokens {

		@Test
		void listsTokensNewestFirstWithoutSecrets() {
			ScimTokenWithSecret first = ScimClientTests.this.client.createToken("first");
			ScimTokenWithSecret second = ScimClientTests.this.client.createToken("second");

			ListScimTokensResponse tokens = ScimClientTests.this.client.listTokens();

			assertThat(tokens.tokens()).extracting(ScimToken::label).containsExactly("second", "first", "tests");
			assertThat(tokens.tokens()).contains(first.withoutSecret(), second.withoutSecret());
		}

		@Test
		void aScimTokenInPlaceOfTheApiKeyIsRefused() {
			ScimClient confused = clientBuilder().apiKey(ScimClientTests.this.scimToken).build();

			assertThatExceptionOfType(ScimAuthenticationException.class).isThrownBy(confused::listTokens)
				.withMessageContaining("a SCIM token is not accepted on this route");
		}

	}

	@Nested
	class RevokeToken {

		@Test
		void revokedTokensStopWorkingAtOnce() {
			ScimTokenWithSecret token = ScimClientTests.this.client.createToken("to-revoke");
			ScimClient withToken = clientBuilder().scimToken(token.token()).build();
			withToken.listUsers();

			ScimClientTests.this.client.revokeToken(token.id());

			assertThat(ScimClientTests.this.client.listTokens().tokens()).extracting(ScimToken::id)
				.doesNotContain(token.id());
			assertThatExceptionOfType(ScimAuthenticationException.class).isThrownBy(withToken::listUsers)
				.withMessageContaining("unknown or has been revoked")
				.withMessageContaining("ScimClient.Builder.scimToken(...)");
		}

		@Test
		void sendsNoContentTypeOnTheBodylessDelete() {
			ScimTokenWithSecret token = ScimClientTests.this.client.createToken("to-revoke");
			server.clearRequests();

			ScimClientTests.this.client.revokeToken(token.id());

			RecordedRequest request = onlyRequest();
			assertThat(request.method()).isEqualTo("DELETE");
			assertThat(request.header("Content-Type")).isNull();
			assertThat(request.status()).isEqualTo(204);
		}

		@Test
		void anUnknownTokenIsNotFound() {
			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientTests.this.client.revokeToken("scimtok_nope"))
				.withMessageContaining("DELETE /v1/scim/tokens/{id} found nothing")
				.withMessageContaining("SCIM token not found");
		}

		@Test
		void refusesAMissingIdBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.revokeToken(null))
				.withMessage("tokenId must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.revokeToken(""));
			assertThat(server.requests()).isEmpty();
		}

	}

	@Nested
	class CreateUser {

		@Test
		void storesTheFiveAttributesAndReturnsTheUser() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.builder("alice@example.com")
				.displayName("Alice Example")
				.externalId("okta-00u1")
				.email(ScimEmail.primary("alice@example.com", "work"))
				.build());

			assertThat(user.id()).startsWith("scimuser_");
			assertThat(user.userName()).isEqualTo("alice@example.com");
			assertThat(user.displayName()).isEqualTo("Alice Example");
			assertThat(user.externalId()).isEqualTo("okta-00u1");
			assertThat(user.active()).isTrue();
			assertThat(user.emails()).containsExactly(new ScimEmail("alice@example.com", true, "work", null));
			assertThat(user.meta().created()).isNotNull();
			FakeScimUser stored = server.users(ScimClientTests.this.apiKey).get(0);
			assertThat(stored.id()).isEqualTo(user.id());
			assertThat(stored.externalId()).isEqualTo("okta-00u1");
		}

		@Test
		void sendsActiveAsAJsonBooleanWithTheScimToken() {
			ScimClientTests.this.client.createUser(CreateScimUserParams.builder("bob").active(false).build());

			RecordedRequest request = onlyRequest();
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + ScimClientTests.this.scimToken);
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
			assertThat(request.bodyAsString()).contains("\"active\":false");
			assertThat(server.users(ScimClientTests.this.apiKey).get(0).active()).isFalse();
		}

		@Test
		void aTakenUserNameIsReportedAsTheLikelyCauseOfGrantexs500() {
			ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));

			assertThatExceptionOfType(ScimServerException.class)
				.isThrownBy(() -> ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob")))
				.satisfies((ex) -> assertThat(ex.likelyDuplicateUserName()).isTrue())
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INTERNAL_ERROR"))
				.withMessageContaining("500, not 409, when the userName is already taken")
				.withMessageNotContaining("bob");
			assertThat(server.users(ScimClientTests.this.apiKey)).hasSize(1);
		}

		@Test
		void userNamesDifferingOnlyByCaseAreTwoUsers() {
			ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));
			ScimClientTests.this.client.createUser(CreateScimUserParams.of("BOB"));

			assertThat(server.users(ScimClientTests.this.apiKey)).extracting(FakeScimUser::userName)
				.containsExactly("bob", "BOB");
		}

		@Test
		void aBodyOverOneMebibyteIsAValidationError() {
			String huge = "x".repeat(1024 * 1024 + 1);

			assertThatExceptionOfType(ScimValidationException.class)
				.isThrownBy(() -> ScimClientTests.this.client
					.createUser(CreateScimUserParams.builder("big").displayName(huge).build()))
				.withMessageContaining("413")
				.withMessageContaining("at most 1 MiB");
			assertThat(server.users(ScimClientTests.this.apiKey)).isEmpty();
		}

		@Test
		void refusesABlankUserNameBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> CreateScimUserParams.of(" "))
				.withMessageContaining("userName must not be blank");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.createUser(null));
			assertThat(server.requests()).isEmpty();
		}

	}

	@Nested
	class GetUser {

		@Test
		void readsTheUserWithTheEmailsStringTheServerSends() {
			ScimUser created = ScimClientTests.this.client.createUser(CreateScimUserParams.builder("alice")
				.email(new ScimEmail("a@example.com", true, "work", "Alice"))
				.email(new ScimEmail("alice@home.example", false, "home", null))
				.build());

			ScimUser read = ScimClientTests.this.client.getUser(created.id());

			assertThat(read).isEqualTo(created);
			assertThat(read.emails()).hasSize(2);
			assertThat(read.primaryEmail()).isEqualTo(new ScimEmail("a@example.com", true, "work", "Alice"));
		}

		@Test
		void readsTheConformantEmailsArrayAsWell() {
			server.emailsAsArray(true);
			try {
				ScimUser created = ScimClientTests.this.client.createUser(CreateScimUserParams.builder("alice")
					.email(ScimEmail.primary("a@example.com", "work"))
					.build());
				assertThat(ScimClientTests.this.client.getUser(created.id()).emails())
					.containsExactly(ScimEmail.primary("a@example.com", "work"));
			}
			finally {
				server.emailsAsArray(false);
			}
		}

		@Test
		void anUnknownIdIsNotFound() {
			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientTests.this.client.getUser("scimuser_nope"))
				.withMessage(
						"GET /scim/v2/Users/{id} found nothing (404 Not Found: User not found [scimType noTarget]).")
				.satisfies((ex) -> assertThat(ex.scimType()).isEqualTo("noTarget"));
		}

		@Test
		void anotherDevelopersUserIsNotFound() {
			ScimUser theirs = clientBuilder().scimToken(server.createScimToken(server.createDeveloper(), "other"))
				.build()
				.createUser(CreateScimUserParams.of("bob"));

			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientTests.this.client.getUser(theirs.id()));
		}

		@ParameterizedTest
		@ValueSource(strings = { "../v1/scim/tokens", "a/b", "x?y", "%2F", "with space", "用户", "#frag", "a;b" })
		void idsStayASinglePathSegmentWhateverTheyHold(String id) {
			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientTests.this.client.getUser(id))
				.withMessageContaining("User not found");

			RecordedRequest request = onlyRequest();
			assertThat(request.rawPath()).startsWith("/scim/v2/Users/");
			assertThat(request.rawPath().substring("/scim/v2/Users/".length())).doesNotContain("/", "?", "#");
			assertThat(request.rawQuery()).isNull();
		}

		@Test
		void refusesIdsThatCannotNameOneUserBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.getUser(null))
				.withMessage("userId must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.getUser("  "))
				.withMessage("userId must not be blank");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.getUser(".."))
				.withMessageContaining("must not be '.' or '..'");
			assertThat(server.requests()).isEmpty();
		}

		@Test
		void sendsNoContentTypeOnAGet() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.of("alice"));
			server.clearRequests();

			ScimClientTests.this.client.getUser(user.id());

			assertThat(onlyRequest().header("Content-Type")).isNull();
		}

	}

	@Nested
	class ListUsers {

		@Test
		void withServerDefaultsReturnsTheFirstHundredOldestFirst() {
			for (int i = 1; i <= 3; i++) {
				server.seedUser(ScimClientTests.this.apiKey, "user" + i);
			}

			ScimListResponse page = ScimClientTests.this.client.listUsers();

			assertThat(page.totalResults()).isEqualTo(3);
			assertThat(page.startIndex()).isEqualTo(1);
			assertThat(page.itemsPerPage()).isEqualTo(100);
			assertThat(page.resources()).extracting(ScimUser::userName).containsExactly("user1", "user2", "user3");
			assertThat(onlyRequest().rawQuery()).isNull();
		}

		@Test
		void readsAPageWhoseItemsPerPageIsTheRequestedCount() {
			for (int i = 1; i <= 4; i++) {
				server.seedUser(ScimClientTests.this.apiKey, "user" + i);
			}

			ScimListResponse page = ScimClientTests.this.client.listUsers(4, 10);

			assertThat(page.resources()).extracting(ScimUser::userName).containsExactly("user4");
			assertThat(page.itemsPerPage()).isEqualTo(10);
			assertThat(onlyRequest().rawQuery()).isEqualTo("startIndex=4&count=10");
		}

		@Test
		void refusesAStartIndexBelowOneAndANegativeCountBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.listUsers(0, 10))
				.withMessageContaining("startIndex must be at least 1");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.listUsers(1, -1))
				.withMessageContaining("count must not be negative");
			assertThat(server.requests()).isEmpty();
		}

		@Test
		void aCountOfZeroReturnsOneUserAsGrantexClampsIt() {
			server.seedUser(ScimClientTests.this.apiKey, "user1");
			server.seedUser(ScimClientTests.this.apiKey, "user2");

			assertThat(ScimClientTests.this.client.listUsers(1, 0).resources()).hasSize(1);
		}

	}

	@Nested
	class StreamUsers {

		@Test
		void pagesLazilyThroughTheWholeTenant() {
			for (int i = 1; i <= 450; i++) {
				server.seedUser(ScimClientTests.this.apiKey, "user" + i);
			}

			List<String> names = ScimClientTests.this.client.streamUsers(200).map(ScimUser::userName).toList();

			assertThat(names).hasSize(450).startsWith("user1", "user2").endsWith("user450").doesNotHaveDuplicates();
			assertThat(server.requests()).extracting(RecordedRequest::rawQuery)
				.containsExactly("startIndex=1&count=200", "startIndex=201&count=200", "startIndex=401&count=200");
		}

		@Test
		void fetchesOnlyThePagesItUses() {
			for (int i = 1; i <= 50; i++) {
				server.seedUser(ScimClientTests.this.apiKey, "user" + i);
			}

			assertThat(ScimClientTests.this.client.streamUsers(10).limit(12).count()).isEqualTo(12);
			assertThat(server.requests()).hasSize(2);
		}

		@Test
		void anEmptyTenantStreamsNothing() {
			assertThat(ScimClientTests.this.client.streamUsers()).isEmpty();
			assertThat(onlyRequest().rawQuery()).isEqualTo("startIndex=1&count=100");
		}

		@Test
		void refusesPageSizesGrantexCannotServe() {
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.streamUsers(0));
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.streamUsers(201))
				.withMessageContaining("between 1 and 200");
		}

	}

	@Nested
	class ReplaceUser {

		@Test
		void replacesEveryStoredAttributeClearingWhatIsLeftOut() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.builder("alice")
				.displayName("Alice")
				.externalId("okta-1")
				.email(ScimEmail.primary("a@example.com", "work"))
				.active(false)
				.build());

			ScimUser replaced = ScimClientTests.this.client.replaceUser(user.id(), CreateScimUserParams.of("alice"));

			assertThat(replaced.displayName()).isNull();
			assertThat(replaced.externalId()).isNull();
			assertThat(replaced.emails()).isEmpty();
			assertThat(replaced.active()).isTrue();
			assertThat(onlyRequestAfterCreate().method()).isEqualTo("PUT");
		}

		@Test
		void keepsWhatTheParamsCarryOverFromTheUser() {
			ScimUser user = ScimClientTests.this.client
				.createUser(CreateScimUserParams.builder("alice").displayName("Alice").externalId("e").build());

			ScimUser replaced = ScimClientTests.this.client.replaceUser(user.id(),
					CreateScimUserParams.from(user).toBuilder().displayName("Alice Johnson").build());

			assertThat(replaced.displayName()).isEqualTo("Alice Johnson");
			assertThat(replaced.externalId()).isEqualTo("e");
		}

		@Test
		void renamingOntoATakenUserNameIsReportedAsALikelyDuplicate() {
			ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));
			ScimUser alice = ScimClientTests.this.client.createUser(CreateScimUserParams.of("alice"));

			assertThatExceptionOfType(ScimServerException.class)
				.isThrownBy(() -> ScimClientTests.this.client.replaceUser(alice.id(), CreateScimUserParams.of("bob")))
				.satisfies((ex) -> assertThat(ex.likelyDuplicateUserName()).isTrue());
		}

		@Test
		void anUnknownIdIsNotFound() {
			assertThatExceptionOfType(ScimNotFoundException.class).isThrownBy(
					() -> ScimClientTests.this.client.replaceUser("scimuser_nope", CreateScimUserParams.of("x")));
		}

		@Test
		void refusesMissingArgumentsBeforeSending() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ScimClientTests.this.client.replaceUser(null, CreateScimUserParams.of("x")));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ScimClientTests.this.client.replaceUser("scimuser_1", null));
			assertThat(server.requests()).isEmpty();
		}

	}

	@Nested
	class UpdateUser {

		@Test
		void appliesWhatGrantexSupports() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));

			ScimUser updated = ScimClientTests.this.client.updateUser(user.id(),
					PatchOperation.replace("active", false), PatchOperation.add("displayName", "Robert"));

			assertThat(updated.active()).isFalse();
			assertThat(updated.displayName()).isEqualTo("Robert");
			assertThat(ScimClientTests.this.client.getUser(user.id())).isEqualTo(updated);
		}

		@Test
		void appliesAPathlessValueObject() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));

			ScimUser updated = ScimClientTests.this.client.updateUser(user.id(),
					List.of(PatchOperation.replace(Map.of("displayName", "Bobby", "active", false))));

			assertThat(updated.displayName()).isEqualTo("Bobby");
			assertThat(updated.active()).isFalse();
		}

		@Test
		void refusesOperationsGrantexWouldSilentlyIgnoreBeforeSending() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));
			server.clearRequests();

			assertThatIllegalArgumentException()
				.isThrownBy(() -> ScimClientTests.this.client.updateUser(user.id(),
						PatchOperation.replace("externalId", "e-1")))
				.withMessageContaining("would be ignored")
				.withMessageContaining("replaceUser");
			assertThatIllegalArgumentException().isThrownBy(
					() -> ScimClientTests.this.client.updateUser(user.id(), PatchOperation.replace("active", "False")))
				.withMessageContaining("Boolean.TRUE or Boolean.FALSE");
			assertThat(server.requests()).isEmpty();
		}

		@Test
		void withValidationOffSendsThemAndGrantexAnswers200WithoutApplyingThem() {
			ScimClient lenient = clientBuilder().scimToken(ScimClientTests.this.scimToken)
				.patchValidation(false)
				.build();
			ScimUser user = ScimClientTests.this.client
				.createUser(CreateScimUserParams.builder("bob").externalId("e-0").build());

			ScimUser updated = lenient.updateUser(user.id(), PatchOperation.replace("externalId", "e-1"),
					PatchOperation.remove("externalId"));

			assertThat(updated.externalId()).isEqualTo("e-0");
		}

		@Test
		void renamingOntoATakenUserNameIsReportedAsALikelyDuplicate() {
			ScimClientTests.this.client.createUser(CreateScimUserParams.of("carol"));
			ScimUser bob = ScimClientTests.this.client.createUser(CreateScimUserParams.of("bob"));

			assertThatExceptionOfType(ScimServerException.class).isThrownBy(
					() -> ScimClientTests.this.client.updateUser(bob.id(), PatchOperation.replace("userName", "carol")))
				.satisfies((ex) -> assertThat(ex.likelyDuplicateUserName()).isTrue());
		}

		@Test
		void anUnknownIdIsNotFound() {
			assertThatExceptionOfType(ScimNotFoundException.class).isThrownBy(() -> ScimClientTests.this.client
				.updateUser("scimuser_nope", PatchOperation.replace("active", true)));
		}

		@Test
		void refusesNoOperationsBeforeSending() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ScimClientTests.this.client.updateUser("scimuser_1", List.of()))
				.withMessage("operations must not be empty");
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.updateUser("scimuser_1"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ScimClientTests.this.client.updateUser("scimuser_1", (PatchOperation[]) null));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ScimClientTests.this.client.updateUser("scimuser_1",
						PatchOperation.replace("active", true), null))
				.withMessage("operations must not contain null");
			assertThat(server.requests()).isEmpty();
		}

	}

	@Nested
	class DeleteUser {

		@Test
		void deletesForGoodAndASecondDeleteIsNotFound() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.of("to-delete"));

			ScimClientTests.this.client.deleteUser(user.id());

			assertThat(server.users(ScimClientTests.this.apiKey)).isEmpty();
			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientTests.this.client.getUser(user.id()));
			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientTests.this.client.deleteUser(user.id()));
		}

		@Test
		void sendsNoContentTypeWhichGrantexWouldRefuseOnABodylessDelete() {
			ScimUser user = ScimClientTests.this.client.createUser(CreateScimUserParams.of("to-delete"));
			server.clearRequests();

			ScimClientTests.this.client.deleteUser(user.id());

			RecordedRequest request = onlyRequest();
			assertThat(request.header("Content-Type")).isNull();
			assertThat(request.status()).isEqualTo(204);
		}

		@Test
		void refusesAMissingIdBeforeSending() {
			assertThatIllegalArgumentException().isThrownBy(() -> ScimClientTests.this.client.deleteUser(null));
			assertThat(server.requests()).isEmpty();
		}

	}

	@Nested
	class ServiceProviderConfiguration {

		@Test
		void isReadWithoutAnyCredential() {
			ServiceProviderConfig config = clientBuilder().build().getServiceProviderConfig();

			assertThat(config.patchSupported()).isTrue();
			assertThat(config.filter().supported()).isFalse();
			assertThat(config.filter().maxResults()).isEqualTo(200);
			assertThat(config.bulk().supported()).isFalse();
			assertThat(onlyRequest().header("Authorization")).isNull();
		}

		@Test
		void sendsNoCredentialEvenWhenTheClientHasThem() {
			ScimClientTests.this.client.getServiceProviderConfig();

			assertThat(onlyRequest().header("Authorization")).isNull();
		}

	}

	@Nested
	class Credentials {

		@Test
		void theApiKeyAloneIsRefusedOnTheScimRoutesWithAHintWhereGrantexsOwnSdksJustFail() {
			ScimClient apiKeyOnly = clientBuilder().apiKey(ScimClientTests.this.apiKey).build();

			assertThatExceptionOfType(ScimAuthenticationException.class).isThrownBy(apiKeyOnly::listUsers)
				.satisfies((ex) -> assertThat(ex.credential()).isEqualTo(ScimCredential.API_KEY))
				.withMessageContaining("refused the developer API key on GET /scim/v2/Users")
				.withMessageContaining("ScimClient.Builder.scimToken(...)")
				.withMessageContaining("createToken(label)");
			assertThat(onlyRequest().header("Authorization")).isEqualTo("Bearer " + ScimClientTests.this.apiKey);
		}

		@Test
		void theScimTokenIsSentToTheScimRoutesAndTheApiKeyToTheTokenRoutes() {
			ScimClientTests.this.client.listUsers();
			ScimClientTests.this.client.listTokens();

			assertThat(server.requests()).extracting((request) -> request.header("Authorization"))
				.containsExactly("Bearer " + ScimClientTests.this.scimToken, "Bearer " + ScimClientTests.this.apiKey);
		}

		@Test
		void withNoCredentialAtAllUserOperationsFailBeforeSending() {
			ScimClient none = clientBuilder().build();

			assertThatExceptionOfType(ScimMissingCredentialException.class).isThrownBy(none::listUsers)
				.withMessageContaining("ScimClient.Builder.scimToken(...)")
				.withMessageContaining("createToken(label)");
			assertThat(server.requests()).isEmpty();
		}

		@Test
		void noExceptionMessageEverContainsACredential() {
			List<Throwable> failures = new ArrayList<>();
			ScimClient wrong = clientBuilder().apiKey(ScimClientTests.this.apiKey).scimToken("f".repeat(64)).build();
			collect(failures, wrong::listUsers);
			collect(failures, () -> wrong.getUser("x"));
			collect(failures, () -> clientBuilder().apiKey(ScimClientTests.this.scimToken).build().listTokens());
			collect(failures, () -> clientBuilder().apiKey(ScimClientTests.this.apiKey).build().deleteUser("x"));
			collect(failures, () -> ScimClientTests.this.client.revokeToken("nope"));

			assertThat(failures).hasSize(5)
				.allSatisfy((failure) -> assertThat(failure.getMessage()).doesNotContain(ScimClientTests.this.apiKey)
					.doesNotContain(ScimClientTests.this.scimToken)
					.doesNotContain("f".repeat(64)));
		}

		private void collect(List<Throwable> failures, Runnable call) {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}

	}

	@Nested
	class Transport {

		@Test
		void explainsGrantexsRefusalOfTheHttp2UpgradeOfAGivenJdkFactory() {
			// a JdkClientHttpRequestFactory() asks for an h2c upgrade over http://, which
			// Grantex refuses; the client cannot see inside a given factory, so it says
			// what
			// happened
			ScimClient withJdkDefault = clientBuilder().scimToken(ScimClientTests.this.scimToken)
				.requestFactory(new JdkClientHttpRequestFactory())
				.build();

			assertThatExceptionOfType(ScimValidationException.class)
				.isThrownBy(() -> withJdkDefault.createUser(CreateScimUserParams.of("alice")))
				.withMessageContaining("asked to upgrade to HTTP/2 over cleartext, which Grantex refuses");
			assertThatExceptionOfType(ScimValidationException.class).isThrownBy(() -> withJdkDefault.getUser("u1"))
				.withMessageContaining("asked to upgrade to HTTP/2 over cleartext, which Grantex refuses");
			assertThat(server.users(ScimClientTests.this.apiKey)).isEmpty();
		}

		@Test
		void doesEveryOperationOnTheJdkHttpClientSetUpForGrantex() {
			ScimClient onJdk = clientBuilder().apiKey(ScimClientTests.this.apiKey)
				.scimToken(ScimClientTests.this.scimToken)
				.requestFactory(ScimJdkHttpClient.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(5)))
				.build();
			ScimUser user = onJdk.createUser(CreateScimUserParams.of("alice"));

			ScimUser updated = onJdk.updateUser(user.id(), PatchOperation.replace("active", false));
			ScimUser read = onJdk.getUser(user.id());
			onJdk.replaceUser(user.id(), CreateScimUserParams.of("alice"));
			onJdk.deleteUser(user.id());
			ScimTokenWithSecret token = onJdk.createToken("revoked at once");
			onJdk.revokeToken(token.id());

			assertThat(updated.active()).isFalse();
			assertThat(read.active()).isFalse();
			assertThat(server.requests()).extracting(RecordedRequest::method)
				.containsExactly("POST", "PATCH", "GET", "PUT", "DELETE", "POST", "DELETE");
			assertThat(server.requests()).allSatisfy((request) -> {
				assertThat(request.status()).isLessThan(300);
				assertThat(request.header("Upgrade")).isNull();
				assertThat(request.header("Accept-Encoding")).isNull();
			});
		}

		@Test
		void refusesHttpUrlConnectionWhichCannotSendPatchNorAnAcceptableDelete() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> clientBuilder().requestFactory(new SimpleClientHttpRequestFactory()))
				.withMessageStartingWith("Spring's SimpleClientHttpRequestFactory cannot be used with Grantex: "
						+ "HttpURLConnection cannot send PATCH (updateUser), sends DELETE with a form content type "
						+ "that Grantex refuses (deleteUser, revokeToken), and follows redirects.");
		}

		@Test
		void startsFromAGivenRestClientBuilderWithoutChangingIt() {
			List<String> intercepted = new ArrayList<>();
			RestClient.Builder shared = RestClient.builder().requestInterceptor((request, body, execution) -> {
				intercepted.add(request.getMethod() + " " + request.getURI().getPath());
				return execution.execute(request, body);
			});

			clientBuilder().restClientBuilder(shared).scimToken(ScimClientTests.this.scimToken).build().listUsers();

			assertThat(intercepted).containsExactly("GET /scim/v2/Users");
			// the shared builder was cloned, not changed: it has no base URL of the
			// client's
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(
						() -> shared.build().get().uri("/scim/v2/ServiceProviderConfig").retrieve().toBodilessEntity())
				.withMessageContaining("Target host is not specified");
		}

	}

	@Nested
	class RateLimits {

		@Test
		void lastRateLimitReportsTheLatestResponsesHeaders() {
			assertThat(clientBuilder().build().lastRateLimit()).isEmpty();

			ScimClientTests.this.client.listUsers();
			RateLimit scim = ScimClientTests.this.client.lastRateLimit().orElseThrow();
			ScimClientTests.this.client.listTokens();
			RateLimit plan = ScimClientTests.this.client.lastRateLimit().orElseThrow();

			assertThat(scim.limit()).isEqualTo(5000);
			assertThat(plan.limit()).isEqualTo(100);
			assertThat(plan.remaining()).isLessThan(plan.limit());
			assertThat(plan.resetAfter()).isBetween(Duration.ZERO, Duration.ofMinutes(1));
			assertThat(plan.retryAfter()).isNull();
		}

		@Test
		void aRateLimitedRequestFailsWithTheWaitAndCreatesNothing() {
			ScimClient unpaced = clientBuilder().scimToken(ScimClientTests.this.scimToken)
				.rateLimitPacing(false)
				.build();
			server.ipRateLimit(2, Duration.ofMinutes(1));
			try {
				unpaced.listUsers();
				unpaced.listUsers();
				assertThatExceptionOfType(ScimRateLimitException.class)
					.isThrownBy(() -> unpaced.createUser(CreateScimUserParams.of("rl-should-not-exist")))
					.satisfies((ex) -> assertThat(ex.retryAfter()).isPositive())
					.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(429))
					.satisfies((ex) -> assertThat(ex.sent()).isTrue())
					.withMessageContaining("rate limit exceeded");
				assertThat(unpaced.lastRateLimit().orElseThrow().remaining()).isZero();
				assertThat(server.users(ScimClientTests.this.apiKey)).isEmpty();
			}
			finally {
				server.ipRateLimit(5000, Duration.ofMinutes(1));
			}
		}

		@Test
		void aRequestTheAnnouncedBudgetCannotAllowBeforeTheDeadlineIsNotSent() {
			server.ipRateLimit(2, Duration.ofMinutes(2));
			try {
				ScimClientTests.this.client.listUsers();
				ScimClientTests.this.client.listUsers();
				int requests = server.requests().size();
				assertThatExceptionOfType(ScimRateLimitException.class)
					.isThrownBy(() -> ScimClientTests.this.client
						.createUser(CreateScimUserParams.of("rl-should-not-exist")))
					.satisfies((ex) -> assertThat(ex.retryAfter()).isGreaterThan(Duration.ofSeconds(60)))
					.satisfies((ex) -> assertThat(ex.sent()).isFalse())
					.withMessageStartingWith("Not sent: POST /scim/v2/Users would have to wait");
				assertThat(server.requests()).hasSize(requests);
				assertThat(server.users(ScimClientTests.this.apiKey)).isEmpty();
			}
			finally {
				server.ipRateLimit(5000, Duration.ofMinutes(1));
			}
		}

	}

}
