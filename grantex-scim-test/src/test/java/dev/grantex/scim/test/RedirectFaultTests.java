package dev.grantex.scim.test;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Redirects to another origin, and a second fake as that origin recording what a client
 * that follows would send it.
 */
class RedirectFaultTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final FakeGrantexServer elsewhere = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	@AfterEach
	void stop() {
		this.grantex.close();
		this.elsewhere.close();
	}

	@Test
	void everyRedirectStatusAnswersWithTheLocationAndAPageAndProcessesNothing() {
		URI location = this.elsewhere.baseUrl().resolve("/collect?from=grantex");
		List<Integer> statuses = List.of(301, 302, 303, 307, 308);
		for (int status : statuses) {
			this.grantex.faults()
				.enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.redirect(status, location));
		}

		for (int status : statuses) {
			WireClient.Reply reply = this.client.call("POST", "/scim/v2/Users")
				.bearer(this.tenant.scimToken())
				.json("{\"userName\":\"alice\"}")
				.send();

			assertThat(reply.status()).isEqualTo(status);
			assertThat(reply.header("location")).isEqualTo(location.toString());
			assertThat(reply.header("content-type")).isEqualTo("text/html");
			assertThat(reply.body()).contains("<title>" + status + " ");
		}
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.first()
			.isEqualTo("redirect(301, " + location + ")");
		assertThat(this.elsewhere.requests()).as("the test's client does not follow").isEmpty();
	}

	@Test
	void theOtherOriginRecordsWhatAFollowingClientSendsThereOnAPathItDoesNotKnow() {
		URI location = this.elsewhere.baseUrl().resolve("/collect/credentials?from=grantex");
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.redirect(307, location));
		WireClient.Reply redirect = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"alice\"}")
			.send();

		// what a client that follows a 307 and keeps its headers sends
		WireClient.Reply followed = new WireClient(this.elsewhere.baseUrl())
			.call("POST", URI.create(redirect.header("location")).getRawPath() + "?from=grantex")
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"alice\"}")
			.send();

		assertThat(followed.status()).isEqualTo(404);
		assertThat(this.elsewhere.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.method()).isEqualTo("POST");
			assertThat(recorded.rawTarget()).isEqualTo("/collect/credentials?from=grantex");
			assertThat(recorded.header("authorization")).isEqualTo("Bearer " + this.tenant.scimToken());
			assertThat(recorded.bodyAsString()).isEqualTo("{\"userName\":\"alice\"}");
			assertThat(recorded.status()).isEqualTo(404);
		});
	}

	@Test
	void aStandingRedirectAnswersEveryMatchingRequestUntilCleared() {
		URI location = this.elsewhere.baseUrl().resolve("/scim/v2/Users");
		this.grantex.faults().always(FaultTarget.route("GET", "/scim/v2/Users"), Fault.redirect(302, location));

		for (int i = 0; i < 3; i++) {
			assertThat(this.client.get("/scim/v2/Users", this.tenant.scimToken()).status()).isEqualTo(302);
		}
		assertThat(this.grantex.faults().pending()).as("standing faults are never used up").isZero();
		assertThat(this.grantex.faults()).hasToString("[always GET /scim/v2/Users: redirect(302, " + location + ")]");
		this.grantex.faults().clear();

		assertThat(this.client.get("/scim/v2/Users", this.tenant.scimToken()).status()).isEqualTo(200);
	}

	@Test
	void onlyRedirectStatusesAndHeaderSafeLocationsAreAccepted() {
		URI location = this.elsewhere.baseUrl();
		assertThatThrownBy(() -> Fault.redirect(300, location)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.redirect(304, location)).isInstanceOf(IllegalArgumentException.class);
		assertThat(Fault.redirect(308, URI.create("https://example.com/ü")))
			.hasToString("redirect(308, https://example.com/%C3%BC)");
	}

}
