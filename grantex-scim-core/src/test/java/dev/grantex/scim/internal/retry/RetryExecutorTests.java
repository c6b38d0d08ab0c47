package dev.grantex.scim.internal.retry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.grantex.scim.error.ScimErrorResponse;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.retry.ScimRetrySettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The retry policy, decision by decision, with a clock and waits the test controls:
 * nothing here sleeps.
 */
class RetryExecutorTests {

	private static final ScimRetrySettings NO_JITTER = ScimRetrySettings.builder()
		.initialDelay(Duration.ofMillis(200))
		.multiplier(2.0)
		.maxDelay(Duration.ofSeconds(5))
		.jitter(0)
		.build();

	private final ManualTime time = new ManualTime();

	private final List<String> retries = new ArrayList<>();

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	private RetryExecutor executor(ScimRetrySettings settings) {
		return new RetryExecutor(settings, this.time::nanos, this.time, () -> 1.0,
				(event) -> this.retries.add(event.clientName() + ":" + event.operation() + ":" + event.reason().tag()),
				"acme");
	}

	/** Runs the attempts as an operation that starts now, with the settings' deadline. */
	private <T extends @Nullable Object> T run(ScimRetrySettings settings, ScimOperation operation,
			Attempts<T> attempts, @Nullable Supplier<Optional<T>> verifier) {
		long deadline = this.time.nanos() + settings.deadline().toNanos();
		return executor(settings).execute(operation, deadline, (end) -> attempts.get(),
				(verifier != null) ? (end) -> verifier.get() : null, null);
	}

	@Test
	void retriesAnIdempotentReadOnUnavailabilityWithExponentialBackOff() {
		Attempts<String> attempts = new Attempts<String>().fail(serverError(503))
			.fail(serverError(502))
			.fail(serverError(504))
			.succeed("ok");

		assertThat(run(NO_JITTER, ScimOperation.USERS_GET, attempts, null)).isEqualTo("ok");
		assertThat(attempts.made()).isEqualTo(4);
		assertThat(this.time.waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
				Duration.ofMillis(800));
		assertThat(this.retries).containsExactly("acme:users.get:server-unavailable",
				"acme:users.get:server-unavailable", "acme:users.get:server-unavailable");
	}

	@Test
	void computedWaitsStopGrowingAtTheMaximum() {
		ScimRetrySettings settings = NO_JITTER.toBuilder().maxAttempts(6).maxDelay(Duration.ofMillis(500)).build();
		Attempts<String> attempts = new Attempts<String>().fail(serverError(503), 5).succeed("ok");

		run(settings, ScimOperation.USERS_LIST, attempts, null);

		assertThat(this.time.waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
				Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
	}

	@Test
	void jitterShortensAComputedWaitByUpToItsFraction() {
		RetryExecutor executor = new RetryExecutor(NO_JITTER.toBuilder().jitter(0.5).build(), this.time::nanos,
				this.time, () -> 1.0, null, "acme");

		assertThat(executor.waitBefore(1, serverError(503))).isEqualTo(Duration.ofMillis(100));
		assertThat(executor.waitBefore(3, serverError(503))).isEqualTo(Duration.ofMillis(400));
	}

	@Test
	void honoursRetryAfterOnA429EvenForAPost() {
		Attempts<String> attempts = new Attempts<String>().fail(rateLimited(Duration.ofSeconds(2))).succeed("created");

		assertThat(run(NO_JITTER, ScimOperation.USERS_CREATE, attempts, null)).isEqualTo("created");
		assertThat(this.time.waits).containsExactly(Duration.ofSeconds(2));
		assertThat(this.retries).containsExactly("acme:users.create:rate-limited");
	}

	@Test
	void aRetryAfterLongerThanTheCapFailsAtOnceCarryingTheWait() {
		ScimRetrySettings settings = NO_JITTER.toBuilder().maxRetryAfter(Duration.ofSeconds(10)).build();
		Attempts<String> attempts = new Attempts<String>().fail(rateLimited(Duration.ofSeconds(38)));

		assertThatExceptionOfType(ScimRateLimitException.class)
			.isThrownBy(() -> run(settings, ScimOperation.TOKENS_LIST, attempts, null))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(38)))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1));
		assertThat(attempts.made()).isEqualTo(1);
		assertThat(this.time.waits).isEmpty();
	}

	@Test
	void aWaitThatWouldEndPastTheDeadlineIsNotStarted() {
		ScimRetrySettings settings = NO_JITTER.toBuilder().deadline(Duration.ofSeconds(5)).build();
		Attempts<String> attempts = new Attempts<String>().fail(rateLimited(Duration.ofSeconds(3)))
			.fail(rateLimited(Duration.ofSeconds(3)));

		assertThatExceptionOfType(ScimRateLimitException.class)
			.isThrownBy(() -> run(settings, ScimOperation.USERS_LIST, attempts, null))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3)))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(2));
		assertThat(this.time.waits).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void theDeadlineCountsTheTimeAttemptsTake() {
		ScimRetrySettings settings = NO_JITTER.toBuilder().deadline(Duration.ofSeconds(1)).build();
		Attempts<String> attempts = new Attempts<String>().fail(() -> {
			this.time.advance(Duration.ofMillis(900));
			return transport(new HttpTimeoutException("request timed out"));
		});

		assertThatExceptionOfType(ScimTransportException.class)
			.isThrownBy(() -> run(settings, ScimOperation.USERS_GET, attempts, null));
		assertThat(attempts.made()).isEqualTo(1);
	}

	@Test
	void givesUpAfterMaxAttemptsWithTheHistoryOfEachAndTheEarlierFailuresSuppressed() {
		Attempts<String> attempts = new Attempts<String>().fail(serverError(503))
			.fail(transport(new IOException("Connection reset")))
			.fail(rateLimited(Duration.ofSeconds(1)))
			.fail(serverError(502));

		assertThatExceptionOfType(ScimServerException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_DELETE, attempts, null))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(502))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(4))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(3))
			.withMessageEndingWith(
					"Gave up after 4 attempts: #1 503; #2 connection reset; #3 429 (retry after 1s); " + "#4 502.");
	}

	@Test
	void neverRetriesA500OrAnotherClientError() {
		Attempts<String> serverFault = new Attempts<String>().fail(serverError(500));
		Attempts<String> invalid = new Attempts<String>().fail(validation());

		assertThatExceptionOfType(ScimServerException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_GET, serverFault, null))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1))
			.withMessageNotContaining("Gave up");
		assertThatExceptionOfType(ScimValidationException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_REPLACE, invalid, null));
		assertThat(serverFault.made() + invalid.made()).isEqualTo(2);
	}

	@Test
	void postAndPatchAreNotRepeatedAfterAFailureThatMayHaveBeenProcessed() {
		for (ScimOperation operation : List.of(ScimOperation.USERS_CREATE, ScimOperation.USERS_UPDATE,
				ScimOperation.TOKENS_CREATE)) {
			for (ScimException ambiguous : List.of(transport(new HttpTimeoutException("request timed out")),
					transport(new IOException("Connection reset")), serverError(502), serverError(503),
					serverError(504), new ScimProtocolException("unreadable", 200, null))) {
				Attempts<String> attempts = new Attempts<String>().fail(ambiguous).succeed("twice");
				assertThatExceptionOfType(ScimException.class)
					.isThrownBy(() -> run(NO_JITTER, operation, attempts, null));
				assertThat(attempts.made()).as(operation + " after " + ambiguous).isEqualTo(1);
			}
		}
	}

	@Test
	void postAndPatchAreRepeatedWhereTheServerProvablyDidNothing() {
		Attempts<String> refused = new Attempts<String>().fail(transport(new ConnectException("refused")))
			.succeed("ok");
		Attempts<String> limited = new Attempts<String>().fail(rateLimited(null)).succeed("ok");

		assertThat(run(NO_JITTER, ScimOperation.USERS_UPDATE, refused, null)).isEqualTo("ok");
		assertThat(run(NO_JITTER, ScimOperation.TOKENS_CREATE, limited, null)).isEqualTo("ok");
		assertThat(this.retries).containsExactly("acme:users.update:connect-failure",
				"acme:tokens.create:rate-limited");
	}

	@Test
	void aCreateChecksWhetherItsUnansweredAttemptTookEffectBeforeRepeating() {
		Attempts<String> attempts = new Attempts<String>().fail(transport(new IOException("Connection reset")))
			.succeed("created twice");
		AtomicInteger checks = new AtomicInteger();

		String result = run(NO_JITTER, ScimOperation.USERS_CREATE, attempts, () -> {
			checks.incrementAndGet();
			return Optional.of("created once");
		});

		assertThat(result).isEqualTo("created once");
		assertThat(attempts.made()).isEqualTo(1);
		assertThat(checks).hasValue(1);
	}

	@Test
	void aCreateWhoseCheckFindsNothingIsRepeated() {
		Attempts<String> attempts = new Attempts<String>().fail(serverError(504)).succeed("created");

		assertThat(run(NO_JITTER, ScimOperation.USERS_CREATE, attempts, Optional::empty)).isEqualTo("created");
		assertThat(attempts.made()).isEqualTo(2);
	}

	@Test
	void aCreateIsNotCheckedAfterAFailureThatProcessedNothing() {
		Attempts<String> attempts = new Attempts<String>().fail(rateLimited(Duration.ZERO)).succeed("created");
		AtomicInteger checks = new AtomicInteger();

		run(NO_JITTER, ScimOperation.USERS_CREATE, attempts, () -> {
			checks.incrementAndGet();
			return Optional.<String>empty();
		});

		assertThat(checks).hasValue(0);
	}

	@Test
	void aDeleteThatMeets404AfterAnAmbiguousAttemptHasSucceeded() {
		Attempts<@Nullable Void> attempts = new Attempts<@Nullable Void>()
			.fail(transport(new HttpTimeoutException("request timed out")))
			.fail(notFound());

		assertThat(run(NO_JITTER, ScimOperation.TOKENS_REVOKE, attempts, null)).isNull();
		assertThat(attempts.made()).isEqualTo(2);
	}

	@Test
	void aDeleteThatMeets404AtOnceFails() {
		Attempts<@Nullable Void> attempts = new Attempts<@Nullable Void>().fail(notFound());

		assertThatExceptionOfType(ScimNotFoundException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_DELETE, attempts, null));
	}

	@Test
	void aDeleteThatMeets404AfterARateLimitFails() {
		Attempts<@Nullable Void> attempts = new Attempts<@Nullable Void>().fail(rateLimited(Duration.ZERO))
			.fail(notFound());

		assertThatExceptionOfType(ScimNotFoundException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_DELETE, attempts, null));
	}

	@Test
	void anInterruptWhileWaitingStopsRetryingAndKeepsTheFlag() {
		this.time.interruptOnSleep = true;
		Attempts<String> attempts = new Attempts<String>().fail(serverError(503)).succeed("never");

		assertThatExceptionOfType(ScimInterruptedException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_GET, attempts, null))
			.withMessageStartingWith(
					"Interrupted while waiting to retry GET /scim/v2/Users/{id} after 1 failed attempt")
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(ScimServerException.class));
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
		assertThat(attempts.made()).isEqualTo(1);
	}

	@Test
	void anAlreadyInterruptedThreadDoesNotWait() {
		Attempts<String> attempts = new Attempts<String>().fail(() -> {
			Thread.currentThread().interrupt();
			return transport(new IOException("Request was interrupted"));
		}).succeed("never");

		assertThatExceptionOfType(ScimInterruptedException.class)
			.isThrownBy(() -> run(NO_JITTER, ScimOperation.USERS_GET, attempts, null));
		assertThat(this.time.waits).isEmpty();
		assertThat(Thread.currentThread().isInterrupted()).isTrue();
	}

	@Test
	void disabledRetryMakesOneAttempt() {
		Attempts<String> attempts = new Attempts<String>().fail(serverError(503)).succeed("never");

		assertThatExceptionOfType(ScimServerException.class)
			.isThrownBy(() -> run(ScimRetrySettings.disabled(), ScimOperation.USERS_GET, attempts, null));
		assertThat(attempts.made()).isEqualTo(1);
	}

	// ---- failures as the client raises them

	private static ScimErrorResponse response(int status, @Nullable Duration retryAfter) {
		return new ScimErrorResponse(status, "GET /scim/v2/Users", null, null, null, null, null, null, retryAfter, "");
	}

	private static ScimServerException serverError(int status) {
		return new ScimServerException(status + "", response(status, null), false);
	}

	private static ScimRateLimitException rateLimited(@Nullable Duration retryAfter) {
		return new ScimRateLimitException("429", response(429, retryAfter), retryAfter);
	}

	private static ScimValidationException validation() {
		return new ScimValidationException("400", response(400, null));
	}

	private static ScimNotFoundException notFound() {
		return new ScimNotFoundException("404", response(404, null));
	}

	private static ScimTransportException transport(IOException cause) {
		ScimTransportException.Kind kind = (cause instanceof ConnectException)
				? ScimTransportException.Kind.CONNECT_REFUSED : (cause instanceof HttpTimeoutException)
						? ScimTransportException.Kind.READ_TIMEOUT : ScimTransportException.Kind.CONNECTION_RESET;
		return new ScimTransportException("failed", kind, cause);
	}

	/** Scripted attempts: each call fails or succeeds as scripted, in order. */
	private static final class Attempts<T extends @Nullable Object> implements Supplier<T> {

		private final Deque<Supplier<Object>> script = new ArrayDeque<>();

		private int made;

		Attempts<T> fail(ScimException failure) {
			return fail(() -> failure);
		}

		Attempts<T> fail(ScimException failure, int times) {
			for (int i = 0; i < times; i++) {
				fail(failure);
			}
			return this;
		}

		Attempts<T> fail(Supplier<ScimException> failure) {
			this.script.add(() -> failure.get());
			return this;
		}

		Attempts<T> succeed(T result) {
			this.script.add(() -> new Success(result));
			return this;
		}

		int made() {
			return this.made;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T get() {
			this.made++;
			Object next = this.script.removeFirst().get();
			if (next instanceof ScimException failure) {
				throw failure;
			}
			return (T) ((Success) next).value();
		}

		private record Success(@Nullable Object value) {
		}

	}

	/** A clock that moves only when told to, or by the waits it is asked for. */
	private static final class ManualTime extends Clock implements RetryExecutor.Sleeper {

		private Instant now = Instant.parse("2026-11-28T09:00:00Z");

		private final List<Duration> waits = new ArrayList<>();

		private boolean interruptOnSleep;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public void sleep(Duration duration) throws InterruptedException {
			if (this.interruptOnSleep) {
				throw new InterruptedException("test");
			}
			this.waits.add(duration);
			advance(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		long nanos() {
			return this.now.getEpochSecond() * 1_000_000_000L + this.now.getNano();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
