package dev.grantex.scim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.internal.retry.RetryExecutor;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The retry policy end to end: faults scripted into the fake server, counting the
 * attempts the server saw and what it stored. Waits between attempts go to a recorder
 * instead of the clock, so no test sleeps through a back-off or a {@code retry-after};
 * only read timeouts take real (short) time.
 */
class ScimClientRetryTests {

	/**
	 * Short enough that the delay faults below make read timeouts, long enough for a
	 * loaded CI machine.
	 */
	private static final Duration READ_TIMEOUT = Duration.ofMillis(2000);

	private static FakeGrantexServer server;

	private final RecordingTime time = new RecordingTime();

	private String apiKey;

	private ScimClient client;

	@BeforeAll
	static void start() {
		server = FakeGrantexServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void newTenant() {
		server.faults().clear();
		this.apiKey = server.createDeveloper();
		this.client = client(ScimRetrySettings.defaults());
		server.clearRequests();
	}

	private ScimClient client(ScimRetrySettings retry) {
		return ((DefaultScimClientBuilder) ScimClient.builder()).time(this.time, this.time::nanos, this.time)
			.baseUrl(server.baseUrl())
			.apiKey(this.apiKey)
			.scimToken(server.createScimToken(this.apiKey, "retry"))
			.readTimeout(READ_TIMEOUT)
			.retry(retry)
			// these tests are about retrying: their clock moves only by the waits, which
			// pacing
			// would add to
			.rateLimitPacing(false)
			.build();
	}

	private static List<RecordedRequest> requests(String method, String pathPrefix) {
		return server.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.rawPath().startsWith(pathPrefix))
			.toList();
	}

	static List<Fault> faultsAReadRecoversFrom() {
		return List.of(Fault.serverError(502), Fault.serverError(503), Fault.serverError(504), Fault.html(502),
				Fault.rateLimited(Duration.ofSeconds(1)), Fault.dropBeforeProcessing(), Fault.processThenDrop(),
				Fault.truncatedBody(), Fault.processThenDelay(READ_TIMEOUT.multipliedBy(3)),
				Fault.stalledBody(READ_TIMEOUT.multipliedBy(3)));
	}

	@Nested
	class IdempotentOperations {

		@ParameterizedTest
		@MethodSource("dev.grantex.scim.ScimClientRetryTests#faultsAReadRecoversFrom")
		void aReadRecoversFromEachRetryableFaultWithOneMoreAttempt(Fault fault) {
			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice"));
			server.clearRequests();
			server.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users/"), fault);

			assertThat(ScimClientRetryTests.this.client.getUser(user.id())).isEqualTo(user);
			assertThat(requests("GET", "/scim/v2/Users/")).hasSize(2);
		}

		@ParameterizedTest
		@MethodSource("dev.grantex.scim.ScimClientRetryTests#faultsAReadRecoversFrom")
		void aReplaceRecoversFromEachRetryableFault(Fault fault) {
			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice"));
			server.faults().enqueue(FaultTarget.route("PUT", "/scim/v2/Users/"), fault);

			ScimUser replaced = ScimClientRetryTests.this.client.replaceUser(user.id(),
					CreateScimUserParams.builder("alice").displayName("Alice").build());

			assertThat(replaced.displayName()).isEqualTo("Alice");
			assertThat(requests("PUT", "/scim/v2/Users/")).hasSize(2);
			assertThat(server.users(ScimClientRetryTests.this.apiKey)).singleElement()
				.satisfies((stored) -> assertThat(stored.displayName()).isEqualTo("Alice"));
		}

		@Test
		void aDeleteWhoseAnswerWasLostSucceedsWhenTheRetryMeets404() {
			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("to-delete"));
			server.faults().enqueue(FaultTarget.route("DELETE", "/scim/v2/Users/"), Fault.processThenDrop());

			ScimClientRetryTests.this.client.deleteUser(user.id());

			assertThat(server.users(ScimClientRetryTests.this.apiKey)).isEmpty();
			assertThat(requests("DELETE", "/scim/v2/Users/")).extracting(RecordedRequest::status)
				.containsExactly(204, 404);
		}

		@Test
		void aRevokeWhoseAnswerWasLostSucceedsWhenTheRetryMeets404() {
			ScimTokenWithSecret token = ScimClientRetryTests.this.client.createToken("to-revoke");
			server.faults().enqueue(FaultTarget.route("DELETE", "/v1/scim/tokens/"), Fault.processThenDrop());

			ScimClientRetryTests.this.client.revokeToken(token.id());

			assertThat(requests("DELETE", "/v1/scim/tokens/")).hasSize(2);
			assertThat(ScimClientRetryTests.this.client.listTokens().tokens())
				.noneMatch((listed) -> listed.id().equals(token.id()));
		}

		@Test
		void aDeleteOfAnUnknownUserStillFailsOnItsFirstAttempt() {
			assertThatExceptionOfType(ScimNotFoundException.class)
				.isThrownBy(() -> ScimClientRetryTests.this.client.deleteUser("scimuser_nope"))
				.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1));
		}

	}

	@Nested
	class CreateUser {

		@Test
		void aCreateWhoseAnswerWasLostLeavesExactlyOneUserAndReturnsIt() {
			server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.processThenDrop());

			ScimUser user = ScimClientRetryTests.this.client
				.createUser(CreateScimUserParams.builder("alice").externalId("hr-1").build());

			List<FakeScimUser> stored = server.users(ScimClientRetryTests.this.apiKey);
			assertThat(stored).singleElement().satisfies((only) -> assertThat(only.id()).isEqualTo(user.id()));
			assertThat(user.externalId()).isEqualTo("hr-1");
			assertThat(requests("POST", "/scim/v2/Users")).hasSize(1);
			assertThat(requests("GET", "/scim/v2/Users")).hasSize(1);
		}

		@Test
		void aCreateThatTimedOutWhileTheServerWorkedLeavesExactlyOneUser() {
			server.faults()
				.enqueue(FaultTarget.route("POST", "/scim/v2/Users"),
						Fault.processThenDelay(READ_TIMEOUT.multipliedBy(3)));

			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice"));

			assertThat(server.users(ScimClientRetryTests.this.apiKey)).extracting(FakeScimUser::id)
				.containsExactly(user.id());
			assertThat(requests("POST", "/scim/v2/Users")).hasSize(1);
		}

		@Test
		void aCreateWhoseRequestNeverTookEffectIsSentAgainAfterChecking() {
			server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.dropBeforeProcessing());

			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice"));

			assertThat(server.users(ScimClientRetryTests.this.apiKey)).extracting(FakeScimUser::id)
				.containsExactly(user.id());
			assertThat(requests("POST", "/scim/v2/Users")).hasSize(2);
		}

		@Test
		void theCheckMatchesTheUserNameExactlyAcrossPages() {
			for (int i = 0; i < 250; i++) {
				server.seedUser(ScimClientRetryTests.this.apiKey, "user" + i);
			}
			server.seedUser(ScimClientRetryTests.this.apiKey, "ALICE");
			server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.serverError(504));

			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice"));

			assertThat(user.userName()).isEqualTo("alice");
			assertThat(server.users(ScimClientRetryTests.this.apiKey))
				.filteredOn((stored) -> stored.userName().equalsIgnoreCase("alice"))
				.hasSize(2);
			assertThat(requests("GET", "/scim/v2/Users")).extracting(RecordedRequest::rawQuery)
				.containsExactly("startIndex=1&count=200", "startIndex=201&count=200");
		}

		@Test
		void aCreateIsRetriedAfterA429AndCreatesNothingTwice() {
			server.faults()
				.enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.rateLimited(Duration.ofSeconds(2)),
						Fault.rateLimited(Duration.ofSeconds(3)));

			ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice"));

			assertThat(server.users(ScimClientRetryTests.this.apiKey)).hasSize(1);
			assertThat(ScimClientRetryTests.this.time.waits).containsExactly(Duration.ofSeconds(2),
					Duration.ofSeconds(3));
			assertThat(requests("GET", "/scim/v2/Users")).as("no check: a 429 processed nothing").isEmpty();
		}

		@Test
		void aServerErrorOnACreateIsNotRetried() {
			server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.serverError(500));

			assertThatExceptionOfType(ScimServerException.class)
				.isThrownBy(() -> ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("alice")))
				.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1));
			assertThat(server.users(ScimClientRetryTests.this.apiKey)).isEmpty();
		}

	}

	@Nested
	class NonIdempotentOperations {

		@Test
		void aPatchIsNotRepeatedAfterAFailureThatMayHaveBeenProcessed() {
			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("bob"));
			for (Fault fault : List.of(Fault.serverError(503), Fault.processThenDrop(), Fault.truncatedBody())) {
				server.clearRequests();
				server.faults().enqueue(FaultTarget.route("PATCH", "/scim/v2/Users/"), fault);

				assertThatExceptionOfType(ScimException.class).isThrownBy(() -> ScimClientRetryTests.this.client
					.updateUser(user.id(), PatchOperation.replace("active", false)));
				assertThat(requests("PATCH", "/scim/v2/Users/")).as(fault.toString()).hasSize(1);
			}
		}

		@Test
		void aPatchIsRetriedAfterA429() {
			ScimUser user = ScimClientRetryTests.this.client.createUser(CreateScimUserParams.of("bob"));
			server.faults()
				.enqueue(FaultTarget.route("PATCH", "/scim/v2/Users/"), Fault.rateLimited(Duration.ofSeconds(1)));

			assertThat(ScimClientRetryTests.this.client.updateUser(user.id(), PatchOperation.replace("active", false))
				.active()).isFalse();
			assertThat(requests("PATCH", "/scim/v2/Users/")).hasSize(2);
		}

		@Test
		void aTokenCreateIsRetriedOnlyWhereNothingWasProcessed() {
			server.faults().enqueue(FaultTarget.route("POST", "/v1/scim/tokens"), Fault.rateLimited(Duration.ZERO));
			ScimClientRetryTests.this.client.createToken("after-429");
			server.faults().enqueue(FaultTarget.route("POST", "/v1/scim/tokens"), Fault.serverError(502));

			assertThatExceptionOfType(ScimServerException.class)
				.isThrownBy(() -> ScimClientRetryTests.this.client.createToken("after-502"));
			assertThat(server.tokens(ScimClientRetryTests.this.apiKey)).extracting("label")
				.contains("after-429")
				.doesNotContain("after-502");
		}

	}

	@Nested
	class Limits {

		@Test
		void nonRetryableFaultsFailAtOnceWithTheirOwnType() {
			server.faults()
				.enqueue(FaultTarget.any(), Fault.status(400, "application/json",
						"{\"message\":\"Body is not valid JSON\",\"code\":\"BAD_REQUEST\",\"requestId\":\"r-1\"}"));

			assertThatExceptionOfType(ScimValidationException.class)
				.isThrownBy(() -> ScimClientRetryTests.this.client.listUsers())
				.satisfies((ex) -> assertThat(ex.requestId()).isEqualTo("r-1"));
			assertThat(server.requests()).hasSize(1);
		}

		@Test
		void theFinalExceptionCountsTheAttemptsSaysWhyEachFailedAndCarriesTheLastResponse() {
			// (not a dropped connection here: the JDK client silently repeats a GET once
			// when that happens)
			server.faults()
				.enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(502), Fault.truncatedBody(),
						Fault.rateLimited(Duration.ofSeconds(1)), Fault.serverError(503));

			assertThatExceptionOfType(ScimServerException.class)
				.isThrownBy(() -> ScimClientRetryTests.this.client.listUsers())
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("RATE_LIMIT_UNAVAILABLE"))
				.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(4))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(3)
					.hasExactlyElementsOfTypes(ScimServerException.class, ScimTransportException.class,
							ScimRateLimitException.class))
				.withMessageContaining(
						"Gave up after 4 attempts: #1 502; #2 connection reset; #3 429 (retry after 1s); #4 503");
			assertThat(server.requests()).hasSize(4);
		}

		@Test
		void aRetryAfterBeyondTheCapFailsAtOnceWithTheWait() {
			server.faults().enqueue(FaultTarget.any(), Fault.rateLimited(Duration.ofSeconds(120)));

			assertThatExceptionOfType(ScimRateLimitException.class)
				.isThrownBy(() -> ScimClientRetryTests.this.client.listUsers())
				.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
			assertThat(server.requests()).hasSize(1);
			assertThat(ScimClientRetryTests.this.time.waits).isEmpty();
		}

		@Test
		void aRetryAfterAsAnHttpDateIsHonoured() {
			String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(ScimClientRetryTests.this.time.instant().plusSeconds(5).atZone(ZoneOffset.UTC));
			server.faults().enqueue(FaultTarget.any(), Fault.serverError(503).withHeader("retry-after", inFiveSeconds));

			ScimClientRetryTests.this.client.listUsers();

			assertThat(ScimClientRetryTests.this.time.waits).containsExactly(Duration.ofSeconds(5));
		}

		@Test
		void retriesStopAtTheDeadline() {
			ScimClient tight = client(ScimRetrySettings.builder().deadline(Duration.ofSeconds(3)).build());
			server.faults()
				.enqueue(FaultTarget.any(), Fault.rateLimited(Duration.ofSeconds(2)),
						Fault.rateLimited(Duration.ofSeconds(2)));

			assertThatExceptionOfType(ScimRateLimitException.class).isThrownBy(tight::listUsers)
				.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(2));
			assertThat(ScimClientRetryTests.this.time.waits).containsExactly(Duration.ofSeconds(2));
		}

		@Test
		void anInterruptedWaitStopsRetryingAndKeepsTheInterruptFlag() throws Exception {
			ScimClient waiting = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(ScimClientRetryTests.this.apiKey, "interrupt"))
				.build();
			server.faults().enqueue(FaultTarget.any(), Fault.rateLimited(Duration.ofSeconds(20)));
			ExecutorService executor = Executors.newSingleThreadExecutor();
			try {
				CountDownLatch started = new CountDownLatch(1);
				Future<Object> outcome = executor.submit(() -> {
					started.countDown();
					try {
						return waiting.listUsers();
					}
					catch (ScimInterruptedException ex) {
						return List.of(ex, Thread.currentThread().isInterrupted());
					}
				});
				started.await();
				while (server.requests().isEmpty()) {
					Thread.onSpinWait();
				}
				Thread.sleep(50);
				executor.shutdownNow();
				assertThat(outcome.get(5, TimeUnit.SECONDS))
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
					.satisfies((result) -> assertThat(result.get(0)).isInstanceOf(ScimInterruptedException.class))
					.satisfies((result) -> assertThat(result.get(1)).isEqualTo(true));
				assertThat(server.requests()).hasSize(1);
			}
			finally {
				executor.shutdownNow();
			}
		}

	}

	@Nested
	class Concurrency {

		@Test
		void sixtyFourThreadsThroughA429BurstCreateEveryUserOnceAndSeeConsistentRateLimits() throws Exception {
			// real time here: each thread waits out its own retry-after (the fake's
			// shortest is one second)
			ScimClient shared = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(ScimClientRetryTests.this.apiKey, "burst"))
				.build();
			int threads = 64;
			Fault[] burst = Collections.nCopies(96, Fault.rateLimited(Duration.ZERO)).toArray(Fault[]::new);
			server.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), burst);
			ConcurrentLinkedQueue<RateLimit> observed = new ConcurrentLinkedQueue<>();
			ExecutorService executor = Executors.newFixedThreadPool(threads);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<ScimUser>> results = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					String userName = "burst-" + i;
					results.add(executor.submit(() -> {
						go.await();
						ScimUser user = shared.createUser(CreateScimUserParams.of(userName));
						shared.lastRateLimit().ifPresent(observed::add);
						return user;
					}));
				}
				go.countDown();
				List<String> created = new ArrayList<>();
				for (Future<ScimUser> result : results) {
					created.add(result.get(30, TimeUnit.SECONDS).userName());
				}

				assertThat(created).hasSize(threads).doesNotHaveDuplicates();
				assertThat(server.users(ScimClientRetryTests.this.apiKey)).hasSize(threads);
				assertThat(server.faults().pending()).isZero();
				assertThat(requests("POST", "/scim/v2/Users")).hasSize(threads + burst.length);
				// every snapshot is one response's: a 429's (none left, a wait) or a
				// success's (some left, no wait)
				assertThat(observed).isNotEmpty()
					.allSatisfy((limit) -> assertThat(limit.retryAfter() != null).isEqualTo(limit.remaining() == 0));
			}
			finally {
				executor.shutdownNow();
			}
		}

	}

	/** A fixed clock whose waits are recorded and advance it, instead of sleeping. */
	private static final class RecordingTime extends Clock implements RetryExecutor.Sleeper {

		private Instant now = Instant.parse("2026-11-28T09:00:00Z");

		final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

		@Override
		public synchronized void sleep(Duration duration) {
			this.waits.add(duration);
			this.now = this.now.plus(duration);
		}

		@Override
		public synchronized Instant instant() {
			return this.now;
		}

		synchronized long nanos() {
			return this.now.getEpochSecond() * 1_000_000_000L + this.now.getNano();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
