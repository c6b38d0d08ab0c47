package dev.grantex.scim.autoconfigure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.health.GrantexScimHealthIndicator;
import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRedirectException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.test.ErrorShape;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.JsonDocument;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a hostile or broken server (or whatever stands between the client and Grantex)
 * cannot make the auto-configured {@link ScimClient} do, on each transport
 * {@code grantex.http.factory} offers: Apache HttpClient 5 (the default), Spring Boot's
 * JDK factory, and {@code HttpURLConnection} (whose {@code PATCH} and {@code DELETE} go
 * through the JDK's client). It follows no redirect, repeats no credential nor control
 * character, reads no body without bound, pages no list for ever, adopts no stranger's
 * user, and outlives no deadline by more than one read timeout. Surefire runs this class
 * in a JVM with a 128 MB heap: a guard that failed would end a test with an
 * {@link Error}, which no assertion here accepts.
 */
class GrantexScimHostileServerTests {

	private static final String USERS = "/scim/v2/Users";

	private static final String SERVICE_PROVIDER_CONFIG = "/scim/v2/ServiceProviderConfig";

	/** The most a test waits for a call that a broken guard would never end. */
	private static final Duration HANG = Duration.ofSeconds(30);

	/** A call's deadline of 1 s, and a read timeout of half of it. */
	private static final String[] BRIEF_DEADLINE = { "grantex.retry.deadline=1s", "grantex.http.read-timeout=500ms" };

	/**
	 * How long a call under {@link #BRIEF_DEADLINE} may take: its deadline and one read
	 * timeout (1.5 s) with room for a loaded build machine: the faults it is used with (a
	 * trickling answer, an endless list) never end unless the client ends them.
	 */
	private static final Duration WITHIN_BRIEF_DEADLINE = Duration.ofSeconds(5);

	/** Far above the 4 MiB the client accepts, and above the test JVM's heap. */
	private static final long HUGE = 200L << 20;

	/** Kept, so that the fake compresses its 300 MB once for every transport. */
	private static final Fault INFLATING_USER = Fault.inflatingBody(200, JsonDocument.USER, 300L << 20);

	private static FakeGrantexServer grantex;

	private static FakeGrantexServer elsewhere;

	private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

	private String apiKey;

	private String scimToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, GrantexScimAutoConfiguration.class))
		.withBean(ObservationRegistry.class, this::recordingObservations);

	@BeforeAll
	static void startServers() {
		grantex = FakeGrantexServer.start();
		elsewhere = FakeGrantexServer.start();
	}

	@AfterAll
	static void stopServers() {
		grantex.close();
		elsewhere.close();
	}

	@BeforeEach
	void newDeveloper() {
		grantex.faults().clear();
		grantex.clearRequests();
		elsewhere.clearRequests();
		this.apiKey = grantex.createDeveloper();
		this.scimToken = grantex.createScimToken(this.apiKey, "hostile");
	}

	/**
	 * Each of the transports {@code grantex.http.factory} names, as the argument.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ParameterizedTest(name = "grantex.http.factory={0}")
	@ValueSource(strings = { "http-components", "jdk", "simple" })
	@interface OnEveryTransport {

	}

	static Stream<Arguments> transportsAndErrorShapes() {
		return Stream.of("http-components", "jdk", "simple")
			.flatMap((factory) -> Stream.of(ErrorShape.values()).map((shape) -> Arguments.of(factory, shape)));
	}

	@OnEveryTransport
	void aRedirectIsRefusedOnEveryMethodAndNothingReachesItsTarget(String factory) {
		run(factory, (client) -> {
			List<ThrowingCallable> calls = everyKindOfCall(client);
			for (int status : new int[] { 301, 302, 303, 307, 308 }) {
				for (ThrowingCallable call : calls) {
					grantex.faults()
						.enqueue(FaultTarget.any(),
								Fault.redirect(status, elsewhere.baseUrl().resolve(USERS + "?stolen=" + this.apiKey)));
					assertThat(failureOf(call)).isInstanceOfSatisfying(ScimRedirectException.class, (ex) -> {
						assertThat(ex.statusCode()).isEqualTo(status);
						assertThat(ex.locationOrigin()).isEqualTo(origin(elsewhere));
						assertThat(ex.retryReason()).isNull();
						assertThat(ex).hasMessageNotContaining("stolen");
						assertNothingShownHoldsACredential(ex);
					});
				}
			}
			assertThat(elsewhere.requests()).isEmpty();
			assertThat(grantex.requests()).as("one request per call, none retried").hasSize(5 * calls.size());
		});
	}

	@ParameterizedTest(name = "grantex.http.factory={0}, {1}")
	@MethodSource("transportsAndErrorShapes")
	void aCredentialEchoedInAnyErrorFieldIsRedactedEverywhereItIsShown(String factory, ErrorShape shape) {
		run(factory, fastRetries(), (client) -> {
			for (int status : new int[] { 400, 401, 404, 429, 500 }) {
				grantex.faults().clear();
				grantex.faults().always(FaultTarget.any(), Fault.credentialEchoed(status, shape));
				// the SCIM token on /scim/v2, the API key on /v1
				for (ThrowingCallable call : List.<ThrowingCallable>of(client::listUsers, client::listTokens)) {
					assertThat(failureOf(call)).isInstanceOfSatisfying(ScimApiException.class, (ex) -> {
						assertThat(ex.statusCode()).isEqualTo(status);
						assertThat(everythingShownBy(ex)).as("the echo reached the client").contains("(redacted)");
						assertNothingShownHoldsACredential(ex);
					});
				}
			}
			assertThat(this.observed).isNotEmpty();
			assertThat(this.observed).allSatisfy(this::assertHoldsNoCredential);
		});
	}

	@OnEveryTransport
	void aCredentialStraddlingWhereTheClientCutsServerTextLeavesNoFragment(String factory) {
		// the 1,000 characters kept of a message (which starts 12 characters into the
		// body), and the 4,096 kept of a body
		run(factory, fastRetries(), (client) -> {
			for (int index : new int[] { 12 + 1000, 4096, 16 * 1024 }) {
				grantex.faults().enqueue(FaultTarget.any(), Fault.credentialEchoedAcross(400, index));
				assertThat(failureOf(client::listUsers)).isInstanceOfSatisfying(ScimValidationException.class,
						this::assertNothingShownHoldsACredential);
			}
			assertThat(this.observed).allSatisfy(this::assertHoldsNoCredential);
		});
	}

	@OnEveryTransport
	void aCredentialEchoedInABodyThatIsNotJsonIsNotQuoted(String factory) {
		run(factory, fastRetries(), (client) -> {
			for (int status : new int[] { 200, 401, 502 }) {
				grantex.faults().clear();
				grantex.faults().always(FaultTarget.any(), Fault.credentialEchoedInText(status));
				for (ThrowingCallable call : List.<ThrowingCallable>of(client::listUsers, client::listTokens,
						() -> client.getUser("scimuser_1"))) {
					Throwable failure = failureOf(call);
					assertThat(failure)
						.isInstanceOf((status == 200) ? ScimProtocolException.class : ScimApiException.class);
					assertNothingShownHoldsACredential((ScimException) failure);
				}
			}
			assertThat(this.observed).allSatisfy(this::assertHoldsNoCredential);
		});
	}

	@OnEveryTransport
	void controlCharactersInAnErrorCodeAreEscapedInEveryMessage(String factory) {
		run(factory, fastRetries(), (client) -> {
			for (int status : new int[] { 400, 401, 500 }) {
				grantex.faults().enqueue(FaultTarget.any(), Fault.controlCharactersInCode(status));
				assertThat(failureOf(() -> client.getUser("scimuser_1"))).isInstanceOfSatisfying(ScimApiException.class,
						(ex) -> {
							assertThat(ex.errorCode()).contains("\\r\\n");
							assertThat(ex.getMessage()).contains("\\r\\n");
							for (String text : new String[] { ex.getMessage(), ex.summary(), ex.errorCode(),
									ex.response().toString() }) {
								assertHasNoControlCharacter(text);
							}
						});
			}
		});
	}

	@OnEveryTransport
	void aSuccessFarLargerThanTheLimitIsRefusedUnreadAndNotRetried(String factory) {
		run(factory, (client) -> {
			// a list of many small entries meets the byte cap; one huge string meets
			// Jackson's limit on strings first
			Map<ThrowingCallable, String> calls = Map.of(client::listTokens,
					"a body larger than the client accepts (4 MiB)", client::getServiceProviderConfig,
					"String value length", () -> client.getUser("scimuser_1"), "String value length");
			grantex.faults()
				.always(FaultTarget.route("GET", "/v1"), Fault.largeBody(200, JsonDocument.TOKEN_LIST, HUGE).chunked())
				.always(FaultTarget.route("GET", SERVICE_PROVIDER_CONFIG),
						Fault.largeBody(200, JsonDocument.SERVICE_PROVIDER_CONFIG, HUGE))
				.always(FaultTarget.route("GET", USERS), Fault.largeBody(200, JsonDocument.USER, HUGE));
			calls.forEach((call, reason) -> assertThat(failureOf(call))
				.isInstanceOfSatisfying(ScimProtocolException.class, (ex) -> {
					assertThat(ex.statusCode()).isEqualTo(200);
					assertThat(ex.retryReason()).isNull();
					assertThat(ex).hasMessageContaining(reason);
				}));
			assertThat(grantex.requests()).as("one request per call").hasSize(calls.size());
			assertOnlyTheStartWasSent();
		});
	}

	@OnEveryTransport
	void aGzipBodyIsNeitherAskedForNorInflated(String factory) {
		run(factory, fastRetries(), (client) -> {
			grantex.faults().always(FaultTarget.any(), INFLATING_USER);
			assertThat(failureOf(() -> client.getUser("scimuser_1"))).isInstanceOf(ScimProtocolException.class);
			assertThat(grantex.requests()).isNotEmpty().allSatisfy((request) -> {
				assertThat(request.headerValues("Accept-Encoding"))
					.allSatisfy((value) -> assertThat(value.toLowerCase(Locale.ROOT)).doesNotContain("gzip"));
				assertThat(request.headerValues("TE")).isEmpty();
			});
		});
	}

	@OnEveryTransport
	void aHugeErrorBodyIsNotReadWholeAndStillNamesTheFailure(String factory) {
		run(factory, fastRetries(), (client) -> {
			grantex.faults()
				.always(FaultTarget.route("GET", USERS), Fault.largeBody(503, JsonDocument.GRANTEX_ERROR, 1L << 30));
			grantex.faults()
				.always(FaultTarget.route("GET", "/v1"),
						Fault.largeBody(400, JsonDocument.GRANTEX_ERROR, 1L << 30).chunked());
			assertThat(failureOf(client::listUsers)).isInstanceOfSatisfying(ScimServerException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(503);
				assertThat(ex.attempts()).as("retried as any 503 is").isEqualTo(4);
				assertThat(ex).hasMessageStartingWith("Grantex failed on GET /scim/v2/Users (503 Service Unavailable");
				assertThat(ex.response().body()).hasSizeLessThanOrEqualTo(4097);
			});
			assertThat(failureOf(client::listTokens)).isInstanceOfSatisfying(ScimValidationException.class,
					(ex) -> assertThat(ex)
						.hasMessageStartingWith("Grantex refused GET /v1/scim/tokens as invalid (400"));
			assertOnlyTheStartWasSent();
		});
	}

	@OnEveryTransport
	void aBodyThatTricklesEndsTheCallWithinItsDeadlineAndOneReadTimeout(String factory) {
		run(factory, BRIEF_DEADLINE, (client) -> {
			grantex.faults().always(FaultTarget.any(), Fault.trickle(Duration.ofMillis(100), 1));
			assertThat(failureWithin(WITHIN_BRIEF_DEADLINE, client::listUsers)).isInstanceOfSatisfying(
					ScimTransportException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.READ_TIMEOUT));
		});
	}

	@OnEveryTransport
	void aCreateWhoseCheckPagesAnEndlessListStillEndsWithinItsDeadline(String factory) {
		// the create's answer is lost, and the users read to find out whether it took
		// effect never end
		grantex.faults().enqueue(FaultTarget.route("POST", USERS), Fault.dropBeforeProcessing());
		grantex.faults().always(FaultTarget.route("GET", USERS), Fault.endlessList(Integer.MAX_VALUE));
		run(factory, BRIEF_DEADLINE, (client) -> {
			assertThat(failureWithin(WITHIN_BRIEF_DEADLINE, () -> client.createUser(CreateScimUserParams.of("ann"))))
				.isInstanceOf(ScimTransportException.class);
			assertThat(grantex.requests()).extracting(RecordedRequest::method).startsWith("POST", "GET");
			assertThat(grantex.users(this.apiKey)).isEmpty();
		});
	}

	@OnEveryTransport
	void pagesThatRepeatEndTheStreamAfterTheSecond(String factory) {
		run(factory, (client) -> {
			grantex.faults().always(FaultTarget.route("GET", USERS), Fault.repeatingPage(10_000));
			assertThat(failureOf(() -> {
				try (Stream<?> users = client.streamUsers(100)) {
					users.count();
				}
			})).isInstanceOfSatisfying(ScimProtocolException.class, (ex) -> assertThat(ex)
				.hasMessageContaining("for the page starting at 101 with only users of the page before"));
			assertThat(grantex.requests()).hasSize(2);
		});
	}

	@OnEveryTransport
	void aListThatGrowsAsItIsReadIsPagedOnlyToTheTotalItFirstAnnounced(String factory) {
		run(factory, (client) -> {
			grantex.faults().always(FaultTarget.route("GET", USERS), Fault.endlessList());
			CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> {
				try (Stream<?> users = client.streamUsers(50)) {
					return users.count();
				}
			}, GrantexScimHostileServerTests::newThread);
			assertThat(count).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(100L);
			assertThat(grantex.requests()).hasSize(2);
		});
	}

	@OnEveryTransport
	void aListAnnouncingMoreUsersThanAnyCountIsRefused(String factory) {
		run(factory, fastRetries(), (client) -> {
			grantex.faults().always(FaultTarget.route("GET", USERS), Fault.endlessList(Long.MAX_VALUE));
			assertThat(failureOf(() -> {
				try (Stream<?> users = client.streamUsers(50)) {
					users.count();
				}
			})).isInstanceOf(ScimProtocolException.class);
			assertThat(grantex.requests()).hasSizeLessThanOrEqualTo(4);
		});
	}

	@OnEveryTransport
	void aPageWithMoreUsersThanAskedForIsRefusedWithoutRetry(String factory) {
		run(factory, (client) -> {
			grantex.faults().always(FaultTarget.route("GET", USERS), Fault.pageLargerThanCount(150));
			List<ThrowingCallable> calls = List.of(() -> client.listUsers(1, 2), client::listUsers, () -> {
				try (Stream<?> users = client.streamUsers(10)) {
					users.count();
				}
			});
			for (ThrowingCallable call : calls) {
				assertThat(failureOf(call)).isInstanceOfSatisfying(ScimProtocolException.class, (ex) -> {
					assertThat(ex.retryReason()).isNull();
					assertThat(ex).hasMessageMatching(".*the page holds more than the (2|100|10) users asked for.*");
				});
			}
			assertThat(grantex.requests()).hasSize(calls.size());
		});
	}

	@OnEveryTransport
	void aCreateAfterAnAmbiguousFailureDoesNotAdoptAUserThatWasThereBefore(String factory) {
		FakeScimUser stranger = grantex.seedUser(this.apiKey, "taken@example.com");
		// the first attempt may or may not have reached Grantex: the client looks
		grantex.faults().enqueue(FaultTarget.route("POST", USERS), Fault.dropBeforeProcessing());
		run(factory, fastRetries(), (client) -> {
			CreateScimUserParams newcomer = CreateScimUserParams.builder("taken@example.com")
				.displayName("A Newcomer")
				.externalId("hr-new")
				.build();
			assertThat(failureOf(() -> client.createUser(newcomer))).isInstanceOfSatisfying(ScimServerException.class,
					(ex) -> {
						assertThat(ex.likelyDuplicateUserName()).isTrue();
						assertThat(ex.attempts()).isGreaterThan(1);
					});
			assertThat(grantex.users(this.apiKey)).containsExactly(stranger);
			assertThat(grantex.requests()).extracting(RecordedRequest::method).contains("GET");
		});
	}

	@ParameterizedTest(name = "grantex.http.factory={0}, {1}")
	@MethodSource("transportsAndErrorShapes")
	void theHealthOfAServerThatEchoesTheCredentialIsDownWithAShortRedactedDetail(String factory, ErrorShape shape) {
		grantex.faults().always(FaultTarget.route("GET", USERS), Fault.credentialEchoed(401, shape));
		health(factory, (health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("statusCode", 401)
				.containsEntry("credentials", Map.of("scimToken", "refused", "apiKey", "not checked"));
			assertDetailsAreShortAndSafe(health);
		});
	}

	@OnEveryTransport
	void theHealthOfAServerWithAForgedOrEndlessErrorCodeIsDownWithAShortEscapedDetail(String factory) {
		grantex.faults().always(FaultTarget.route("GET", USERS), Fault.controlCharactersInCode(503));
		health(factory, (health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("statusCode", 503);
			assertThat(String.valueOf(health.getDetails().get("error"))).contains("\\r\\n");
			assertDetailsAreShortAndSafe(health);
		});
		grantex.faults().clear();
		grantex.faults()
			.always(FaultTarget.route("GET", USERS), Fault.status(503, "application/json",
					"{\"message\":\"down\",\"code\":\"" + "C".repeat(10_000) + "\"}"));
		health(factory, (health) -> {
			assertThat(String.valueOf(health.getDetails().get("error")))
				.startsWith("GET /scim/v2/Users answered 503 CCCC");
			assertDetailsAreShortAndSafe(health);
		});
	}

	@OnEveryTransport
	void theHealthOfAServerWithAHugeConfigurationIsDownQuickly(String factory) {
		grantex.faults()
			.always(FaultTarget.route("GET", SERVICE_PROVIDER_CONFIG),
					Fault.largeBody(200, JsonDocument.SERVICE_PROVIDER_CONFIG, HUGE));
		health(factory, (health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("statusCode", 200)
				.containsEntry("error", "answered 200 with a body that is not Grantex's")
				.doesNotContainKey("capabilities");
			assertDetailsAreShortAndSafe(health);
		});
		assertOnlyTheStartWasSent();
	}

	@OnEveryTransport
	void healthChecksThatArriveWhileAProbeIsUnderWayShareIt(String factory) {
		grantex.faults()
			.always(FaultTarget.route("GET", SERVICE_PROVIDER_CONFIG), Fault.trickle(Duration.ofMillis(100), 1));
		this.contextRunner.withConfiguration(AutoConfigurations.of(GrantexScimHealthContributorAutoConfiguration.class))
			.withPropertyValues(grantexProperties(factory))
			.withPropertyValues("grantex.health.timeout=1s")
			.run((context) -> {
				GrantexScimHealthIndicator indicator = context.getBean(GrantexScimHealthIndicator.class);
				List<CompletableFuture<Health>> checks = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					checks.add(
							CompletableFuture.supplyAsync(indicator::health, GrantexScimHostileServerTests::newThread));
				}
				for (CompletableFuture<Health> check : checks) {
					assertThat(check).succeedsWithin(HANG)
						.satisfies((health) -> assertThat(health.getStatus()).isEqualTo(Status.DOWN));
				}
				assertThat(grantex.requests()).as("one probe for four checks").hasSize(1);
			});
	}

	private void run(String factory, ScimClientTest test) {
		run(factory, new String[0], test);
	}

	private void run(String factory, String[] properties, ScimClientTest test) {
		this.contextRunner.withPropertyValues(grantexProperties(factory))
			.withPropertyValues(properties)
			.run((context) -> test.run(context.getBean(ScimClient.class)));
	}

	private void health(String factory, Consumer<Health> test) {
		ContextConsumer<AssertableApplicationContext> check = (context) -> {
			GrantexScimHealthIndicator indicator = context.getBean(GrantexScimHealthIndicator.class);
			CompletableFuture<Health> health = CompletableFuture.supplyAsync(indicator::health,
					GrantexScimHostileServerTests::newThread);
			assertThat(health).succeedsWithin(HANG).satisfies(test::accept);
		};
		this.contextRunner.withConfiguration(AutoConfigurations.of(GrantexScimHealthContributorAutoConfiguration.class))
			.withPropertyValues(grantexProperties(factory))
			.run(check);
	}

	private String[] grantexProperties(String factory) {
		return new String[] { "grantex.base-url=" + grantex.baseUrl(), "grantex.api-key=" + this.apiKey,
				"grantex.scim.token=" + this.scimToken, "grantex.http.factory=" + factory };
	}

	/* Retries as by default, but without waiting between them. */
	private static String[] fastRetries() {
		return new String[] { "grantex.retry.initial-delay=1ms", "grantex.retry.max-delay=1ms" };
	}

	private ObservationRegistry recordingObservations() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				GrantexScimHostileServerTests.this.observed.add(context);
			}

		});
		return registry;
	}

	private static List<ThrowingCallable> everyKindOfCall(ScimClient client) {
		return List.of(client::listUsers, () -> client.getUser("scimuser_1"),
				() -> client.createUser(CreateScimUserParams.of("ann")),
				() -> client.replaceUser("scimuser_1", CreateScimUserParams.of("ann")),
				() -> client.updateUser("scimuser_1", PatchOperation.replace("active", false)),
				() -> client.deleteUser("scimuser_1"), client::listTokens, () -> client.createToken("label"),
				() -> client.revokeToken("scimtok_1"), client::getServiceProviderConfig);
	}

	/*
	 * What the call threw, Errors included, on a thread of its own, so that a call that
	 * never ends fails the test rather than hanging it.
	 */
	private static Throwable failureOf(ThrowingCallable call) {
		return failureWithin(HANG, call);
	}

	private static Throwable failureWithin(Duration bound, ThrowingCallable call) {
		CompletableFuture<Throwable> failure = new CompletableFuture<>();
		newThread(() -> {
			try {
				call.call();
				failure.complete(null);
			}
			catch (Throwable ex) {
				failure.complete(ex);
			}
		});
		assertThat(failure).as("the end of a call that must end within %s", bound).succeedsWithin(bound);
		Throwable thrown = failure.join();
		assertThat(thrown).as("what the call threw (null if it returned)").isInstanceOf(ScimException.class);
		return thrown;
	}

	private static void newThread(Runnable task) {
		Thread thread = new Thread(task, "hostile-server-call");
		thread.setDaemon(true);
		thread.start();
	}

	private static String origin(FakeGrantexServer server) {
		return "http://" + server.baseUrl().getHost() + ":" + server.baseUrl().getPort();
	}

	/*
	 * Every text the failure shows: its message, those of its causes and of the earlier
	 * attempts' failures, and the server's answer as the client kept it.
	 */
	private static String everythingShownBy(Throwable failure) {
		StringBuilder shown = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			shown.append(t).append('\n');
			for (Throwable earlier : t.getSuppressed()) {
				shown.append(everythingShownBy(earlier));
			}
			if (t instanceof ScimException scim) {
				shown.append(scim.summary()).append('\n');
			}
			if (t instanceof ScimApiException api) {
				shown.append(api.response()).append('\n');
			}
		}
		return shown.toString();
	}

	private void assertNothingShownHoldsACredential(ScimException failure) {
		String shown = everythingShownBy(failure);
		assertHoldsNoPartOf(this.scimToken, shown);
		assertHoldsNoPartOf(this.apiKey, shown);
	}

	private void assertHoldsNoCredential(Observation.Context context) {
		String shown = context.getLowCardinalityKeyValues() + "\n" + context.getHighCardinalityKeyValues() + "\n"
				+ context.getContextualName() + "\n"
				+ ((context.getError() != null) ? everythingShownBy(context.getError()) : "");
		assertHoldsNoPartOf(this.scimToken, shown);
		assertHoldsNoPartOf(this.apiKey, shown);
	}

	private static void assertHoldsNoPartOf(String secret, String text) {
		for (int i = 0; i + 8 <= secret.length(); i++) {
			assertThat(text).as("8 characters of a credential, from its %dth", i)
				.doesNotContain(secret.substring(i, i + 8));
		}
	}

	private static void assertHasNoControlCharacter(String text) {
		assertThat(text.chars()).as("the characters of %s", text)
			.noneMatch((c) -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
	}

	private void assertDetailsAreShortAndSafe(Health health) {
		for (Object detail : health.getDetails().values()) {
			String text = String.valueOf(detail);
			assertThat(text).hasSizeLessThan(200);
			assertHasNoControlCharacter(text);
			assertHoldsNoPartOf(this.scimToken, text);
			assertHoldsNoPartOf(this.apiKey, text);
		}
	}

	/*
	 * That the client closed each connection after the start of its body: the fake wrote
	 * a few megabytes at most of each (sockets buffer some), not the hundreds it
	 * announced.
	 */
	private static void assertOnlyTheStartWasSent() {
		assertThat(grantex.requests()).isNotEmpty();
		await().atMost(HANG)
			.until(() -> grantex.requests().stream().allMatch((request) -> request.responseBodyBytes() >= 0));
		assertThat(grantex.requests()).allSatisfy(
				(request) -> assertThat(request.responseBodyBytes()).as("the bytes written for %s", request.rawTarget())
					.isBetween(0L, 32L << 20));
	}

	/**
	 * A test of the auto-configured client.
	 */
	@FunctionalInterface
	private interface ScimClientTest {

		void run(ScimClient client) throws Throwable;

	}

}
