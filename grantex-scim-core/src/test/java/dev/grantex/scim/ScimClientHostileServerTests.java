package dev.grantex.scim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRedirectException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.http.ScimJdkHttpClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a hostile or misconfigured server cannot make the client do: follow it elsewhere,
 * repeat a secret it echoes, read without end, or adopt someone else's user. Each runs on
 * the client's default transport (Apache HttpClient 5) and on the JDK's.
 */
class ScimClientHostileServerTests {

	private static FakeGrantexServer server;

	private static FakeGrantexServer elsewhere;

	private String apiKey;

	private String scimToken;

	@BeforeAll
	static void startServers() {
		server = FakeGrantexServer.start();
		elsewhere = FakeGrantexServer.start();
	}

	@AfterAll
	static void stopServers() {
		server.close();
		elsewhere.close();
	}

	@BeforeEach
	void newTenant() {
		this.apiKey = server.createDeveloper();
		this.scimToken = server.createScimToken(this.apiKey, "hostile");
		server.faults().clear();
		server.clearRequests();
		elsewhere.clearRequests();
	}

	static Stream<Arguments> transports() {
		return Stream.of(Arguments.of("apache"), Arguments.of("jdk"));
	}

	private ScimClient client(String transport) {
		return builder(transport).build();
	}

	private ScimClient.Builder builder(String transport) {
		ScimClient.Builder builder = ScimClient.builder()
			.baseUrl(server.baseUrl())
			.apiKey(this.apiKey)
			.scimToken(this.scimToken)
			.retry(ScimRetrySettings.disabled());
		if (transport.equals("jdk")) {
			builder.requestFactory(ScimJdkHttpClient.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(5)));
		}
		return builder;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void aRedirectToAnotherOriginIsNeverFollowedForAnyMethod(String transport) {
		ScimClient client = client(transport);
		String stolen = elsewhere.baseUrl() + "/scim/v2/Users?secret=leaked";
		for (int status : new int[] { 301, 302, 303, 307, 308 }) {
			server.faults()
				.enqueue(FaultTarget.any(), Fault.status(status, null, "").withHeader("Location", stolen),
						Fault.status(status, null, "").withHeader("Location", stolen));
			assertThatExceptionOfType(ScimRedirectException.class).isThrownBy(client::listUsers)
				.satisfies((ex) -> assertThat(ex.locationOrigin())
					.isEqualTo("http://127.0.0.1:" + elsewhere.baseUrl().getPort()))
				.satisfies((ex) -> assertThat(ex.retryReason()).isNull())
				.withMessageContaining("with a redirect (" + status + " to http://127.0.0.1:")
				.withMessageNotContaining("leaked");
			assertThatExceptionOfType(ScimRedirectException.class).isThrownBy(() -> client.deleteUser("scimuser_1"));
		}
		assertThat(elsewhere.requests()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void aCredentialEchoedInAnyFieldIsRedactedEverywhere(String transport) {
		String echoed = "Bearer " + this.scimToken;
		String body = "{\"message\":\"" + echoed + "\",\"code\":\"" + echoed + "\",\"requestId\":\"" + echoed
				+ "\",\"detail\":\"" + echoed + "\",\"scimType\":\"" + this.scimToken.substring(10, 30) + "\"}";
		server.faults().enqueue(FaultTarget.any(), Fault.status(401, "application/json", body));

		assertThatExceptionOfType(ScimAuthenticationException.class).isThrownBy(client(transport)::listUsers)
			.satisfies((ex) -> {
				assertNoFragmentOf(this.scimToken, ex.getMessage());
				assertNoFragmentOf(this.scimToken, ex.response().toString());
				assertThat(ex.errorCode()).isEqualTo("Bearer (redacted)");
				assertThat(ex.scimType()).isEqualTo("(redacted)");
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void aCredentialStraddlingTheCutOfTheBodyLeavesNoFragment(String transport) {
		String body = "<html>" + "x".repeat(4096 - 6 - 20) + this.scimToken + "</html>";
		server.faults().enqueue(FaultTarget.any(), Fault.status(502, "text/html", body));

		assertThatExceptionOfType(ScimServerException.class).isThrownBy(client(transport)::listUsers)
			.satisfies((ex) -> {
				assertNoFragmentOf(this.scimToken, ex.response().body());
				assertThat(ex.response().body()).hasSizeLessThanOrEqualTo(4097);
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void aSuccessThatIsNotJsonIsRefusedWithoutQuotingIt(String transport) {
		server.faults().enqueue(FaultTarget.any(), Fault.status(200, "application/json", "welcome " + this.scimToken));

		assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(client(transport)::listUsers)
			.withMessage("Grantex answered GET /scim/v2/Users with 200, but the body could not be read: not the JSON "
					+ "expected (at line 1, column 1)");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void serverTextInAMessageIsShortWhateverTheServerSends(String transport) {
		String huge = "y".repeat(4_000);
		server.faults()
			.enqueue(FaultTarget.any(), Fault.status(400, "application/json",
					"{\"message\":\"" + huge + "\",\"code\":\"" + huge + "\",\"requestId\":\"" + huge + "\"}"));

		assertThatExceptionOfType(ScimApiException.class).isThrownBy(client(transport)::listUsers)
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(1000))
			.satisfies((ex) -> assertThat(ex.errorCode()).hasSize(201));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transports")
	void anAnswerLargerThanTheLimitIsNotReadAndNotRetried(String transport) {
		ScimClient bounded = builder(transport).maxResponseSize(64 * 1024).retry(ScimRetrySettings.defaults()).build();
		String userName = "u".repeat(100_000);
		server.faults()
			.enqueue(FaultTarget.any(),
					Fault.status(200, "application/json", "{\"id\":\"scimuser_1\",\"userName\":\"" + userName + "\"}"));

		assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(() -> bounded.getUser("scimuser_1"))
			.satisfies((ex) -> assertThat(ex.retryReason()).isNull())
			.withMessageContaining("a body larger than the client accepts (64 KiB)");
		assertThat(server.requests()).hasSize(1);
	}

	@Test
	void aPageWithMoreUsersThanAskedForIsRefused() {
		StringBuilder users = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			users.append((i > 0) ? "," : "")
				.append("{\"id\":\"u")
				.append(i)
				.append("\",\"userName\":\"n")
				.append(i)
				.append("\"}");
		}
		server.faults()
			.enqueue(FaultTarget.any(), Fault.status(200, "application/json",
					"{\"totalResults\":3,\"startIndex\":1,\"itemsPerPage\":2,\"Resources\":[" + users + "]}"));

		assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(() -> client("apache").listUsers(1, 2))
			.satisfies((ex) -> assertThat(ex.retryReason()).isNull())
			.withMessageEndingWith("the page holds more than the 2 users asked for");
	}

	@Test
	void pagingStopsWhenAPageRepeatsThePageBefore() {
		String page = "{\"totalResults\":1000000,\"startIndex\":1,\"itemsPerPage\":2,\"Resources\":"
				+ "[{\"id\":\"u1\",\"userName\":\"a\"},{\"id\":\"u2\",\"userName\":\"b\"}]}";
		server.faults()
			.enqueue(FaultTarget.any(), Fault.status(200, "application/json", page),
					Fault.status(200, "application/json", page), Fault.status(200, "application/json", page));

		try (Stream<?> users = client("apache").streamUsers(2)) {
			assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(users::count)
				.withMessageContaining("for the page starting at 3 with only users of the page before");
		}
		assertThat(server.requests()).hasSize(2);
	}

	@Test
	void anAbsurdResetIsKeptWithinADay() {
		server.faults()
			.enqueue(FaultTarget.any(),
					Fault
						.status(200, "application/json",
								"{\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":100,\"Resources\":[]}")
						.withHeader("x-ratelimit-limit", "5000")
						.withHeader("x-ratelimit-remaining", "4999")
						.withHeader("x-ratelimit-reset", "9223372036854775807"));
		ScimClient client = client("apache");

		client.listUsers();

		RateLimit rateLimit = client.lastRateLimit().orElseThrow();
		assertThat(rateLimit.resetAfter()).isEqualTo(Duration.ofDays(1));
		assertThat(rateLimit.resetAt()).isAfter(rateLimit.observedAt());
	}

	@Test
	void aCreateAfterAnUnansweredAttemptDoesNotAdoptSomeoneElsesUser() {
		// someone else's user already holds the name; the first attempt meets a 503,
		// after
		// which the client looks for the user it sent
		server.seedUser(this.apiKey, "taken@example.com");
		server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.serverError(503));
		ScimClient client = ScimClient.builder()
			.baseUrl(server.baseUrl())
			.scimToken(this.scimToken)
			.retry(ScimRetrySettings.builder().initialDelay(Duration.ZERO).jitter(0).build())
			.build();

		assertThatExceptionOfType(ScimServerException.class)
			.isThrownBy(() -> client.createUser(CreateScimUserParams.builder("taken@example.com")
				.displayName("A Newcomer")
				.externalId("hr-new")
				.build()))
			.satisfies((ex) -> assertThat(ex.likelyDuplicateUserName()).isTrue())
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(2));
		assertThat(server.users(this.apiKey)).hasSize(1);
	}

	@Test
	void theExceptionsCanBeSerialized() throws Exception {
		server.faults()
			.enqueue(FaultTarget.any(),
					Fault
						.status(401, "application/json",
								"{\"message\":\"Invalid API key\",\"code\":\"UNAUTHORIZED\",\"requestId\":\"r\"}")
						.withHeader("x-ratelimit-limit", "100"));
		ScimException failure = null;
		try {
			client("apache").listTokens();
		}
		catch (ScimException ex) {
			failure = ex;
		}
		assertThat(failure).isInstanceOf(ScimAuthenticationException.class);
		ScimAuthenticationException copy = (ScimAuthenticationException) roundTrip(failure);
		assertThat(copy.response()).isEqualTo(((ScimAuthenticationException) failure).response());
		assertThat(copy.getMessage()).isEqualTo(failure.getMessage());
	}

	private static Object roundTrip(Object object) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(object);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return in.readObject();
		}
	}

	private static void assertNoFragmentOf(String secret, String text) {
		for (int i = 0; i + 8 <= secret.length(); i++) {
			assertThat(text).as("8 characters of the credential from %d", i).doesNotContain(secret.substring(i, i + 8));
		}
	}

}
