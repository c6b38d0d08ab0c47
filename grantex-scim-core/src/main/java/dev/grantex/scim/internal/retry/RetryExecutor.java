package dev.grantex.scim.internal.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimRetryReason;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.retry.ScimRetryListener;
import dev.grantex.scim.retry.ScimRetrySettings;

/**
 * The one place that decides whether a failed attempt may be recovered, by the rules
 * {@link ScimRetrySettings} describes: it reads the failure's own classification (may it
 * succeed again, may it have been processed, what wait did the server ask for), the
 * operation's (is it idempotent, can it check what an earlier attempt did), and the time
 * left before the deadline.
 *
 * <p>
 * Spring Framework's {@code RetryTemplate} was the first choice, but its back-off cannot
 * see the failure it backs off from (so it cannot honour {@code retry-after} or refuse a
 * wait longer than the cap), it sleeps and reads the time itself (so tests cannot control
 * either), and it has no step between attempts in which {@code createUser} can check
 * whether its earlier attempt took effect.
 */
public final class RetryExecutor {

	private static final Log logger = LogFactory.getLog(RetryExecutor.class);

	private final ScimRetrySettings settings;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final DoubleSupplier random;

	private final @Nullable ScimRetryListener listener;

	private final String clientName;

	/**
	 * Creates the executor of one client.
	 * @param settings the retry settings
	 * @param nanoTime the clock, on the {@link System#nanoTime()} scale
	 * @param sleeper how to wait
	 * @param random the source of jitter, 0 to 1
	 * @param listener told of every retry, or {@code null}
	 * @param clientName the client's name in the listener's events
	 */
	public RetryExecutor(ScimRetrySettings settings, LongSupplier nanoTime, Sleeper sleeper, DoubleSupplier random,
			@Nullable ScimRetryListener listener, String clientName) {
		this.settings = settings;
		this.clientName = clientName;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
		this.random = random;
		this.listener = listener;
	}

	/**
	 * Runs attempts until one succeeds or no retry may follow.
	 * @param <T> the result
	 * @param operation the operation, which decides what is safe to repeat
	 * @param deadlineNanos when the operation must end
	 * @param attempt one attempt
	 * @param verifier for an operation that is not idempotent but can find out whether an
	 * attempt that may have reached the server took effect: its result if so; or
	 * {@code null}
	 * @param onRetry told of each retry of this operation, or {@code null}
	 * @return the result
	 */
	public <T extends @Nullable Object> T execute(ScimOperation operation, long deadlineNanos, Attempt<T> attempt,
			@Nullable Verifier<T> verifier, @Nullable Runnable onRetry) {
		if (!this.settings.enabled()) {
			return attempt.run(deadlineNanos);
		}
		List<ScimException> failures = new ArrayList<>(2);
		boolean mayHaveBeenProcessed = false;
		while (true) {
			ScimException failure;
			try {
				if (mayHaveBeenProcessed && verifier != null) {
					Optional<T> done = verifier.verify(deadlineNanos);
					if (done.isPresent()) {
						return done.get();
					}
				}
				return attempt.run(deadlineNanos);
			}
			catch (VerificationUnfinished ex) {
				// nothing is settled: the failure that led to the check stands
				throw giveUp(failures.get(failures.size() - 1), failures);
			}
			catch (ScimNotFoundException ex) {
				if (mayHaveBeenProcessed && operation.method() == HttpMethod.DELETE) {
					// an earlier attempt deleted it: gone, as asked
					return gone();
				}
				failure = ex;
			}
			catch (ScimException ex) {
				failure = ex;
			}
			failures.add(failure);
			ScimRetryReason reason = failure.retryReason();
			boolean harmless = !failure.requestMayHaveBeenProcessed() || operation.idempotent() || verifier != null;
			if (reason == null || !harmless || failures.size() >= this.settings.maxAttempts()) {
				throw giveUp(failure, failures);
			}
			mayHaveBeenProcessed |= failure.requestMayHaveBeenProcessed();
			Duration wait = waitBefore(failures.size(), failure);
			if (failure.retryAfter() != null && wait.compareTo(this.settings.maxRetryAfter()) > 0) {
				// the server asked for a longer wait than we may make: fail now; the
				// exception
				// carries that wait
				throw giveUp(failure, failures);
			}
			if (this.nanoTime.getAsLong() + wait.toNanos() - deadlineNanos > 0) {
				throw giveUp(failure, failures);
			}
			if (onRetry != null) {
				onRetry.run();
			}
			if (this.listener != null) {
				this.listener.onRetry(new ScimRetryListener.RetryEvent(this.clientName, operation.metricName(), reason,
						failures.size(), wait, failure));
			}
			if (logger.isDebugEnabled()) {
				logger.debug(operation.describe() + " failed (" + failure.summary() + "); retrying in "
						+ wait.toMillis() + " ms");
			}
			sleep(operation, wait, failure, failures);
		}
	}

	/**
	 * The wait before retry number {@code retry}: the server's {@code retry-after}, else
	 * exponential back-off.
	 * @param retry which retry, from 1
	 * @param failure the failure retried
	 * @return the wait
	 */
	Duration waitBefore(int retry, ScimException failure) {
		Duration requested = failure.retryAfter();
		if (requested != null) {
			return requested;
		}
		double delay = this.settings.initialDelay().toNanos() * Math.pow(this.settings.multiplier(), retry - 1);
		delay = Math.min(delay, this.settings.maxDelay().toNanos());
		delay *= 1.0 - this.settings.jitter() * this.random.getAsDouble();
		return Duration.ofNanos((long) delay);
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
			ScimInterruptedException interrupted = new ScimInterruptedException(
					"Interrupted while waiting to retry " + operation.describe() + " after " + failures.size()
							+ " failed attempt(s); stopped retrying and left the thread's interrupt flag set. Last "
							+ "failure: " + failure.summary(),
					failure);
			record(interrupted, failures);
			throw interrupted;
		}
	}

	/* The result of a DELETE: its type is Void, whose only value is null. */
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
			history.append((i > 0) ? "; #" : "#").append(i + 1).append(' ').append(failures.get(i).summary());
		}
		exception.recordAttempts(failures.size(), history.toString());
	}

	/**
	 * One attempt.
	 *
	 * @param <T> its result
	 */
	@FunctionalInterface
	public interface Attempt<T extends @Nullable Object> {

		/**
		 * Makes the attempt.
		 * @param deadlineNanos when the operation must end
		 * @return the result
		 */
		T run(long deadlineNanos);

	}

	/**
	 * Finds out whether an earlier attempt took effect.
	 *
	 * @param <T> the result that attempt would have had
	 */
	@FunctionalInterface
	public interface Verifier<T extends @Nullable Object> {

		/**
		 * Looks.
		 * @param deadlineNanos when the operation must end
		 * @return the result if the earlier attempt took effect, else empty
		 */
		Optional<T> verify(long deadlineNanos);

	}

	/**
	 * Thrown by a {@link Verifier} that could not finish before the deadline.
	 */
	public static final class VerificationUnfinished extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/**
		 * Creates the signal; it has no stack trace, as it is no error of its own.
		 */
		public VerificationUnfinished() {
			super("the check did not finish before the deadline", null, false, false);
		}

	}

	/** Waits; replaceable so that tests control time. */
	@FunctionalInterface
	public interface Sleeper {

		/** Waits on the calling thread. */
		Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

		/**
		 * Waits.
		 * @param duration how long
		 * @throws InterruptedException if the thread is interrupted meanwhile
		 */
		void sleep(Duration duration) throws InterruptedException;

	}

}
