package dev.grantex.scim.docs.fake;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimRedirectException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's examples of {@link FakeGrantexServer}, run.
 */
class FakeGrantexServerExamplesTests {

	@Test
	void startedByHand() {
		// tag::fake-server[]
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			String apiKey = server.createDeveloper();
			String scimToken = server.createScimToken(apiKey, "tests");
			ScimClient scim = ScimClient.builder().baseUrl(server.baseUrl()).scimToken(scimToken).build();
			scim.createUser(CreateScimUserParams.of("alice@example.com"));
			assertThat(server.users(apiKey)).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
		}
		// end::fake-server[]
	}

	@Test
	void scriptedFaults() {
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			String apiKey = server.createDeveloper();
			ScimClient scim = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(apiKey, "tests"))
				.build();
			// tag::faults[]
			server.faults()
				.enqueue(FaultTarget.route("POST", "/scim/v2/Users"),
						// a 429 as Grantex's limiter sends it; nothing is processed
						Fault.rateLimited(Duration.ofSeconds(2)),
						// creates the user, then closes the connection unanswered
						Fault.processThenDrop());
			server.faults().enqueue(FaultTarget.any(), Fault.serverError(503).withHeader("retry-after", "1"));
			// end::faults[]

			scim.createUser(CreateScimUserParams.of("alice@example.com"));

			// 429; created, unanswered; the check met the 503; the next check found her
			assertThat(server.requests()).extracting(RecordedRequest::method)
				.containsExactly("POST", "POST", "GET", "GET");
			assertThat(server.users(apiKey)).extracting(FakeScimUser::userName).containsExactly("alice@example.com");
			assertThat(server.faults().pending()).isZero();
		}
	}

	@Test
	void hostileFaults() {
		// tag::hostile[]
		try (FakeGrantexServer grantex = FakeGrantexServer.start();
				FakeGrantexServer elsewhere = FakeGrantexServer.start()) {
			// every creation is redirected elsewhere; the list of users never ends
			grantex.faults()
				.always(FaultTarget.route("POST", "/scim/v2/Users"),
						Fault.redirect(307, elsewhere.baseUrl().resolve("/collect")));
			grantex.faults().always(FaultTarget.route("GET", "/scim/v2/Users"), Fault.endlessList());
			String apiKey = grantex.createDeveloper();
			ScimClient scim = ScimClient.builder()
				.baseUrl(grantex.baseUrl())
				.scimToken(grantex.createScimToken(apiKey, "tests"))
				.build();

			assertThatExceptionOfType(ScimRedirectException.class)
				.isThrownBy(() -> scim.createUser(CreateScimUserParams.of("alice@example.com")));
			// paging stops at the first page's totalResults
			assertThat(scim.streamUsers().count()).isEqualTo(200);
			// the redirect was not followed: the token never went elsewhere
			assertThat(elsewhere.requests()).isEmpty();
		}
		// end::hostile[]
	}

}
