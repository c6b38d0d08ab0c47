package dev.grantex.scim.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.grantex.scim.RetryListener;
import dev.grantex.scim.RetrySettings;
import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;

/**
 * Runs an operation's attempts under {@link RetrySettings}, retrying only what cannot do
 * harm.
 *
 * <p>
 * Spring Framework's {@code RetryTemplate} was the first choice, but its back-off cannot
 * see the failure it backs off from (so it cannot honour {@code retry-after} or refuse a
 * wait longer than the cap), it sleeps and reads the time itself (so tests cannot control
 * either), and it has no step between attempts in which {@code createUser} can check
 * whether its earlier attempt took effect. This class does those three things and nothing
 * else.
 *
 * <p>
 * An <em>ambiguous</em> failure is one after which the server may have done the work: a
 * read timeout or a broken connection after sending, a 502, 503 or 504, or a success
 * whose body could not be read. After one, {@code POST} and {@code PATCH} are not
 * repeated blindly: an operation that can verify (createUser) checks first, and a delete
 * that then meets 404 has succeeded.
 */
final class RetryExecutor {

	private static final Log logger = LogFactory.getLog(RetryExecutor.class);

	private final RetrySettings settings;

	private final Clock clock;

	private final Sleeper sleeper;

	private final DoubleSupplier random;

	private final @Nullable RetryListener listener;

	RetryExecutor(RetrySettings settings, Clock clock, Sleeper sleeper, DoubleSupplier random,
			@Nullable RetryListener listener) {
		this.settings = settings;
		this.clock = clock;
		this.sleeper = sleeper;
		this.random = random;
		this.listener = listener;
	}

	/**
	 * Runs {@code attempt} until it succeeds or may not be retried.
	 * @param operation the operation, which decides what is safe to repeat
	 * @param attempt one attempt
	 * @param verifier for an operation that is not idempotent but can find out whether an
	 * ambiguous attempt took effect: returns its result if so; {@code null} otherwise
	 * @param onRetry told of each retry of this operation, or {@code null}
	 */
	<T extends @Nullable Object> T execute(ScimOperation operation, Supplier<T> attempt,
			@Nullable Supplier<Optional<T>> verifier, @Nullable Runnable onRetry) {
		if (!this.settings.enabled()) {
			return attempt.get();
		}
		Instant start = this.clock.instant();
		List<ScimException> failures = new ArrayList<>(2);
		boolean ambiguousEarlier = false;
		while (true) {
			ScimException failure;
			try {
				if (ambiguousEarlier && verifier != null) {
					Optional<T> done = verifier.get();
					if (done.isPresent()) {
						return done.get();
					}
				}
				return attempt.get();
			}
			catch (ScimNotFoundException ex) {
				if (ambiguousEarlier && operation.method() == HttpMethod.DELETE) {
					// an earlier attempt deleted it: gone, as asked
					return gone();
				}
				failure = ex;
			}
			catch (ScimException ex) {
				failure = ex;
			}
			failures.add(failure);
			RetryReason reason = reasonToRetry(operation, failure, verifier != null);
			if (reason == null || failures.size() >= this.settings.maxAttempts()) {
				throw giveUp(failure, failures);
			}
			ambiguousEarlier |= isAmbiguous(failure);
			Duration wait = waitBefore(failures.size(), failure);
			if (requestedWait(failure) != null && wait.compareTo(this.settings.maxRetryAfter()) > 0) {
				// the server asked for a longer wait than we may make: fail now; the
				// exception carries that wait
				throw giveUp(failure, failures);
			}
			Duration elapsed = Duration.between(start, this.clock.instant());
			if (elapsed.plus(wait).compareTo(this.settings.deadline()) > 0) {
				throw giveUp(failure, failures);
			}
			if (onRetry != null) {
				onRetry.run();
			}
			if (this.listener != null) {
				this.listener.onRetry(new RetryListener.RetryEvent(operation.metricName(), reason.tag(),
						failures.size(), wait, failure));
			}
			if (logger.isDebugEnabled()) {
				logger.debug(operation.describe() + " failed (" + describe(failure) + "); retrying in "
						+ wait.toMillis() + " ms");
			}
			sleep(operation, wait, failure, failures);
		}
	}

	/** Why {@code failure} may be retried, or {@code null} if it may not. */
	private static @Nullable RetryReason reasonToRetry(ScimOperation operation, ScimException failure,
			boolean verifiable) {
		boolean repeatable = isIdempotent(operation.method()) || verifiable;
		if (failure instanceof ScimRateLimitException) {
			return RetryReason.RATE_LIMITED;
		}
		if (failure instanceof ScimTransportException transport) {
			if (!transport.requestMayHaveBeenProcessed()) {
				return RetryReason.CONNECT_FAILURE;
			}
			if (!repeatable) {
				return null;
			}
			return (transport.kind() == ScimTransportException.Kind.READ_TIMEOUT) ? RetryReason.TIMEOUT
					: RetryReason.CONNECTION_RESET;
		}
		if (failure instanceof ScimServerException server && isUnavailable(server.statusCode())) {
			return repeatable ? RetryReason.SERVER_UNAVAILABLE : null;
		}
		if (failure instanceof ScimProtocolException) {
			return repeatable ? RetryReason.UNREADABLE_RESPONSE : null;
		}
		return null;
	}

	private static boolean isAmbiguous(ScimException failure) {
		return (failure instanceof ScimTransportException transport && transport.requestMayHaveBeenProcessed())
				|| (failure instanceof ScimServerException server && isUnavailable(server.statusCode()))
				|| failure instanceof ScimProtocolException;
	}

	private static boolean isIdempotent(HttpMethod method) {
		return method == HttpMethod.GET || method == HttpMethod.PUT || method == HttpMethod.DELETE;
	}

	private static boolean isUnavailable(int status) {
		return status == 502 || status == 503 || status == 504;
	}

	/**
	 * The wait before retry number {@code retry}: the server's {@code retry-after}, else
	 * exponential back-off.
	 */
	Duration waitBefore(int retry, ScimException failure) {
		Duration requested = requestedWait(failure);
		if (requested != null) {
			return requested;
		}
		double delay = this.settings.initialDelay().toNanos() * Math.pow(this.settings.multiplier(), retry - 1);
		delay = Math.min(delay, this.settings.maxDelay().toNanos());
		delay *= 1.0 - this.settings.jitter() * this.random.getAsDouble();
		return Duration.ofNanos((long) delay);
	}

	private static @Nullable Duration requestedWait(ScimException failure) {
		if (failure instanceof ScimRateLimitException limited) {
			return limited.retryAfter();
		}
		return (failure instanceof ScimApiException api) ? api.response().retryAfter() : null;
	}

	private void sleep(ScimOperation operation, Duration wait, ScimException failure, List<ScimException> failures) {
		try {
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException();
			}
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			ScimInterruptedException interrupted = new ScimInterruptedException("Interrupted while waiting to retry "
					+ operation.describe() + " after " + failures.size() + " failed attempt(s); stopped retrying "
					+ "and left the thread's interrupt flag set. Last failure: " + describe(failure), failure);
			record(interrupted, failures);
			throw interrupted;
		}
	}

	/** The result of a DELETE: its type is Void, whose only value is null. */
	@SuppressWarnings("NullAway") // T is Void here, which NullAway cannot know
	private static <T extends @Nullable Object> T gone() {
		return null;
	}

	private static ScimException giveUp(ScimException last, List<ScimException> failures) {
		if (failures.size() > 1) {
			for (ScimException earlier : failures.subList(0, failures.size() - 1)) {
				last.addSuppressed(earlier);
			}
			record(last, failures);
		}
		return last;
	}

	private static void record(ScimException exception, List<ScimException> failures) {
		StringBuilder history = new StringBuilder();
		for (int i = 0; i < failures.size(); i++) {
			history.append((i > 0) ? "; #" : "#").append(i + 1).append(' ').append(describe(failures.get(i)));
		}
		exception.recordAttempts(failures.size(), history.toString());
	}

	/** A short description of one failed attempt, for the history. */
	static String describe(ScimException failure) {
		Duration requested = requestedWait(failure);
		if (failure instanceof ScimRateLimitException limited && requested != null) {
			return limited.statusCode() + " (retry after " + requested.toSeconds() + "s)";
		}
		if (failure instanceof ScimApiException api) {
			String explanation = api.serverMessage();
			return api.statusCode() + ((explanation != null) ? " " + explanation : "");
		}
		if (failure instanceof ScimTransportException transport) {
			return transport.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}
		if (failure instanceof ScimProtocolException protocol) {
			return "unreadable " + protocol.statusCode() + " answer";
		}
		return failure.getClass().getSimpleName();
	}

	/** Waits; replaceable so that tests control time. */
	@FunctionalInterface
	interface Sleeper {

		Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

		void sleep(Duration duration) throws InterruptedException;

	}

}
