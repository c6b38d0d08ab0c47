package dev.grantex.scim.autoconfigure.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimToken;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link GrantexScimHealthIndicator} against the fake Grantex server: what it checks,
 * what it reports for each way Grantex can fail, that it reuses its result for the cache
 * TTL, and that no detail holds a secret.
 */
class GrantexScimHealthIndicatorTests {

	private static FakeGrantexServer grantex;

	private final AtomicLong nanoTime = new AtomicLong();

	private String apiKey;

	private String scimToken;

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@BeforeEach
	void newTenant() {
		this.apiKey = grantex.createDeveloper();
		this.scimToken = grantex.createScimToken(this.apiKey, "health-probe");
		grantex.faults().clear();
		grantex.clearRequests();
	}

	private ScimClient probe(URI baseUrl, String apiKey, String scimToken) {
		return ScimClient.builder()
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.scimToken(scimToken)
			.retry(ScimRetrySettings.disabled())
			.readTimeout(Duration.ofSeconds(1))
			.build();
	}

	private GrantexScimHealthIndicator indicator(boolean validateApiKey) {
		return indicator(probe(grantex.baseUrl(), this.apiKey, this.scimToken), validateApiKey, Duration.ZERO);
	}

	private GrantexScimHealthIndicator indicator(ScimClient client, boolean validateApiKey, Duration cacheTtl) {
		return new GrantexScimHealthIndicator(client, Duration.ofSeconds(1), cacheTtl, validateApiKey,
				this.nanoTime::get, Runnable::run);
	}

	private static ScimClient mockClient() {
		ScimClient client = mock(ScimClient.class);
		given(client.baseUrl()).willReturn(grantex.baseUrl());
		given(client.credentials()).willReturn(EnumSet.allOf(ScimCredential.class));
		return client;
	}

	@Test
	void upWithTheCredentialsCheckedAndTheServersCapabilities() {
		Health health = indicator(true).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("baseUrl", "latency", "credentials", "capabilities")
			.containsEntry("baseUrl", grantex.baseUrl().toString())
			.containsEntry("latency", "0ms")
			.containsEntry("credentials", Map.of("scimToken", "valid", "apiKey", "valid"))
			.containsEntry("capabilities", Map.of("patch", true, "filter", false, "bulk", false, "etag", false));
		assertNoSecretIn(health);
	}

	@Test
	void downWithAHintWhenTheScimTokenIsRefused() {
		revokeTheScimToken();

		Health health = indicator(false).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails())
			.containsEntry("credentials", Map.of("scimToken", "refused", "apiKey", "not checked"))
			.containsEntry("statusCode", 401)
			.containsEntry("error", "GET /scim/v2/Users answered 401")
			.containsEntry("hint", "SCIM token refused: set grantex.scim.token to a valid, unrevoked SCIM token")
			.containsKey("capabilities");
		assertNoSecretIn(health);
	}

	@Test
	void downWithAHintWhenTheApiKeyIsRefused() {
		ScimClient client = probe(grantex.baseUrl(), "gx_test_unknown", this.scimToken);

		Health health = indicator(client, true, Duration.ZERO).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("credentials", Map.of("scimToken", "valid", "apiKey", "refused"))
			.containsEntry("statusCode", 401)
			.containsEntry("error", "GET /v1/scim/tokens answered 401 UNAUTHORIZED")
			.containsEntry("hint", "API key refused: set grantex.api-key to a valid developer API key");
		assertThat(health.getDetails().toString()).doesNotContain("gx_test_unknown");
	}

	@Test
	void theFirstFailureIsReportedAndTheApiKeyStillChecked() {
		revokeTheScimToken();
		ScimClient client = probe(grantex.baseUrl(), "gx_test_unknown", this.scimToken);

		Health health = indicator(client, true, Duration.ZERO).health();

		assertThat(health.getDetails())
			.containsEntry("credentials", Map.of("scimToken", "refused", "apiKey", "refused"))
			.containsEntry("hint", "SCIM token refused: set grantex.scim.token to a valid, unrevoked SCIM token");
	}

	@Test
	void downWhenGrantexIsUnreachable() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		URI nowhere = URI.create("http://127.0.0.1:" + port);

		Health health = indicator(probe(nowhere, this.apiKey, this.scimToken), true, Duration.ZERO).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("baseUrl", nowhere.toString())
			.containsEntry("error", "transport error: connect refused")
			.containsEntry("hint", "Grantex is unreachable: check grantex.base-url and that the server is up")
			.containsEntry("credentials", Map.of("scimToken", "not checked", "apiKey", "not checked"))
			.doesNotContainKeys("statusCode", "capabilities");
	}

	@Test
	void downWhenTheConnectionBreaks() {
		// the JDK client silently repeats a GET whose connection closed before any
		// answer, once
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"), Fault.dropBeforeProcessing(),
					Fault.dropBeforeProcessing());

		Health health = indicator(false).health();

		assertThat(health.getDetails()).containsEntry("error", "transport error: connection reset")
			.containsEntry("hint", "The connection to Grantex broke: check any proxy and the TLS settings");
	}

	@Test
	void aTransportFailureOfTheTokenCheckSkipsTheApiKeyCheck() {
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.delayThenProcess(Duration.ofSeconds(3)));

		Health health = indicator(true).health();

		assertThat(health.getDetails()).containsEntry("error", "transport error: read timeout")
			.containsEntry("credentials", Map.of("scimToken", "unverified", "apiKey", "not checked"));
		assertThat(grantex.requests())
			.noneSatisfy((request) -> assertThat(request.rawTarget()).isEqualTo("/v1/scim/tokens"));
	}

	@Test
	void downWhenGrantexFails() {
		grantex.faults().enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"), Fault.serverError(503));

		Health health = indicator(false).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("statusCode", 503)
			.containsEntry("error", "GET /scim/v2/ServiceProviderConfig answered 503 RATE_LIMIT_UNAVAILABLE")
			.containsEntry("hint", "Grantex answered with a server error: it may be down or restarting");
	}

	@Test
	void downWhenRateLimited() {
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.rateLimited(Duration.ofSeconds(7)));

		Health health = indicator(false).health();

		assertThat(health.getDetails()).containsEntry("statusCode", 429)
			.containsEntry("hint", "Rate-limited by Grantex: retry after 7s");
	}

	@Test
	void downWhenTheBaseUrlIsNotGrantex() {
		URI elsewhere = URI.create(grantex.baseUrl() + "/not-grantex");
		Health health = indicator(ScimClient.builder().baseUrl(elsewhere).build(), false, Duration.ZERO).health();

		assertThat(health.getDetails()).containsEntry("statusCode", 404)
			.containsEntry("credentials", Map.of("scimToken", "not configured", "apiKey", "not configured"))
			.containsEntry("hint", "No Grantex API there: check that grantex.base-url points at a Grantex server");
	}

	@Test
	void downWhenTheAnswerIsNotGrantexs() {
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.status(200, "text/html", "<html>captive portal</html>"));

		Health health = indicator(false).health();

		assertThat(health.getDetails()).containsEntry("statusCode", 200)
			.containsEntry("error", "answered 200 with a body that is not Grantex's")
			.containsEntry("hint", "Check that grantex.base-url points at the Grantex API, not at a proxy or web page");
	}

	@Test
	void downWhenAnotherRequestIsRefused() {
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.status(400, "application/json", "{\"message\":\"nope\",\"code\":\"BAD_REQUEST\"}"));

		Health health = indicator(false).health();

		assertThat(health.getDetails()).containsEntry("statusCode", 400)
			.containsEntry("hint", "Grantex refused the health check's request");
	}

	@Test
	void downWhenTheCheckFailsUnexpectedly() {
		ScimClient client = mockClient();
		given(client.getServiceProviderConfig()).willThrow(new IllegalStateException("a bug, " + this.scimToken));

		Health health = indicator(client, false, Duration.ZERO).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "IllegalStateException")
			.containsEntry("hint", "Unexpected failure of the health check: see the application's log");
		assertNoSecretIn(health);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					CONNECT_REFUSED  | connect refused  | Grantex is unreachable: check grantex.base-url and that the server is up
					CONNECT_TIMEOUT  | connect timeout  | No connection to Grantex within grantex.health.timeout: check grantex.base-url, the network and any proxy
					READ_TIMEOUT     | read timeout     | Grantex did not answer within grantex.health.timeout
					CONNECTION_RESET | connection reset | The connection to Grantex broke: check any proxy and the TLS settings
					""")
	void everyTransportFailureHasItsHint(ScimTransportException.Kind kind, String error, String hint) {
		ScimClient client = mockClient();
		given(client.getServiceProviderConfig())
			.willThrow(new ScimTransportException("failed", kind, new IOException("failed")));

		Health health = indicator(client, true, Duration.ZERO).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "transport error: " + error)
			.containsEntry("hint", hint)
			.doesNotContainKey("statusCode");
	}

	@Test
	void theResultIsReusedForTheCacheTtl() {
		GrantexScimHealthIndicator indicator = indicator(probe(grantex.baseUrl(), this.apiKey, this.scimToken), false,
				Duration.ofSeconds(30));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		revokeTheScimToken();
		grantex.clearRequests();

		this.nanoTime.addAndGet(Duration.ofSeconds(29).toNanos());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(grantex.requests()).isEmpty();

		this.nanoTime.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(grantex.requests()).hasSize(2);
	}

	@Test
	void userInformationInTheBaseUrlIsNeverShown() {
		ScimClient client = mockClient();
		given(client.getServiceProviderConfig()).willThrow(new IllegalStateException("a bug"));
		given(client.baseUrl()).willReturn(URI.create("https://user:hunter2@grantex.example:8443/api"));
		Health health = indicator(client, false, Duration.ZERO).health();

		assertThat(health.getDetails()).containsEntry("baseUrl", "https://grantex.example:8443/api");
		given(client.baseUrl()).willReturn(URI.create("https://user:hunter2@grantex.example"));
		assertThat(indicator(client, false, Duration.ZERO).health().getDetails()).containsEntry("baseUrl",
				"https://grantex.example");
	}

	@Test
	void aNegativeCacheTtlIsRefused() {
		ScimClient client = mockClient();
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new GrantexScimHealthIndicator(client, Duration.ofSeconds(1), Duration.ofSeconds(-1), false))
			.withMessage("cacheTtl must not be negative, was PT-1S");
	}

	private void revokeTheScimToken() {
		ScimClient admin = ScimClient.builder().baseUrl(grantex.baseUrl()).apiKey(this.apiKey).build();
		for (FakeScimToken token : grantex.tokens(this.apiKey)) {
			admin.revokeToken(token.id());
		}
	}

	private void assertNoSecretIn(Health health) {
		assertThat(health.getDetails().toString()).doesNotContain(this.apiKey).doesNotContain(this.scimToken);
	}

}
