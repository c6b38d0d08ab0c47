package dev.grantex.scim.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.internal.call.ScimCall;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.internal.http.ErrorMapper;
import dev.grantex.scim.internal.http.ScimExchange;
import dev.grantex.scim.internal.pacing.PacingKeys;
import dev.grantex.scim.internal.pacing.RateLimitPacer;
import dev.grantex.scim.internal.retry.RetryExecutor;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.observation.DefaultScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationContext;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationDocumentation;

/**
 * Runs one operation: observed as a whole, within its deadline, its attempts under the
 * retry policy, each attempt paced under Grantex's announced rate limit and then sent.
 */
public final class ScimCallExecutor {

	private static final ScimClientObservationConvention DEFAULT_CONVENTION = new DefaultScimClientObservationConvention();

	private final ScimExchange exchange;

	private final RetryExecutor retry;

	private final Pacing pacing;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ScimClientObservationConvention observationConvention;

	private final String clientName;

	private final Duration deadline;

	private final Duration readTimeout;

	private final LongSupplier nanoTime;

	/**
	 * Creates the executor of one client.
	 * @param exchange sends one request
	 * @param retry the retry policy
	 * @param pacing the client's pacing
	 * @param observationRegistry where operations are observed
	 * @param observationConvention the convention, or {@code null} for the default
	 * @param clientName the client's name in observations
	 * @param deadline the longest an operation may take
	 * @param readTimeout the longest one answer may take
	 * @param nanoTime the clock of deadlines
	 */
	public ScimCallExecutor(ScimExchange exchange, RetryExecutor retry, Pacing pacing,
			ObservationRegistry observationRegistry, @Nullable ScimClientObservationConvention observationConvention,
			String clientName, Duration deadline, Duration readTimeout, LongSupplier nanoTime) {
		this.exchange = exchange;
		this.retry = retry;
		this.pacing = pacing;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.clientName = clientName;
		this.deadline = deadline;
		this.readTimeout = readTimeout;
		this.nanoTime = nanoTime;
	}

	/**
	 * Runs an operation to its end.
	 * @param <T> its result
	 * @param call the request
	 * @param reader how to read a success body
	 * @param verifier for {@code createUser}: finds out what an unanswered attempt did
	 * @return the result
	 */
	public <T extends @Nullable Object> T execute(ScimCall call, ScimExchange.BodyReader<T> reader,
			RetryExecutor.@Nullable Verifier<T> verifier) {
		long deadlineNanos = this.nanoTime.getAsLong() + this.deadline.toNanos();
		ScimOperation operation = call.operation();
		if (this.observationRegistry.isNoop()) {
			return this.retry.execute(operation, deadlineNanos, (end) -> sendOnce(call, reader, end, null), verifier,
					null);
		}
		ScimClientObservationContext context = new ScimClientObservationContext(operation.metricName(),
				operation.method().name(), operation.uriTemplate(), call.id(), this.clientName);
		Observation observation = ScimClientObservationDocumentation.OPERATION.observation(this.observationConvention,
				DEFAULT_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> this.retry.execute(operation, deadlineNanos,
				(end) -> sendOnce(call, reader, end, context), verifier, () -> {
					context.retried();
					observation.event(ScimClientObservationDocumentation.Events.RETRY);
				}));
	}

	/**
	 * Sends one request, after any wait the rate limit asks for, within the operation's
	 * deadline: a check by {@code createUser} sends its pages this way.
	 * @param <T> its result
	 * @param call the request
	 * @param reader how to read a success body
	 * @param deadlineNanos when the operation must end
	 * @param context the operation's observation context, or {@code null}
	 * @return the result
	 */
	public <T extends @Nullable Object> T sendOnce(ScimCall call, ScimExchange.BodyReader<T> reader, long deadlineNanos,
			@Nullable ScimClientObservationContext context) {
		this.pacing.await(call.operation(), deadlineNanos, this.clientName);
		try {
			long answerDeadline = Math.min(this.nanoTime.getAsLong() + this.readTimeout.toNanos(), deadlineNanos);
			return this.exchange.send(call, reader, answerDeadline, context);
		}
		finally {
			this.pacing.release(call.operation());
		}
	}

	/**
	 * One client's waits for the rate limit: the pacer of its lineage, the key of each
	 * operation's budget, the deadline's refusal, and the observation of each wait.
	 */
	public static final class Pacing {

		private final RateLimitPacer pacer;

		private final PacingKeys keys;

		private final ErrorMapper errors;

		private final RetryExecutor.Sleeper sleeper;

		private final LongSupplier nanoTime;

		private final ObservationRegistry observationRegistry;

		private volatile @Nullable RateLimit last;

		/**
		 * Creates the pacing of one client.
		 * @param pacer the pacer its lineage shares
		 * @param keys which budget each operation spends
		 * @param errors for the refusal of a wait past the deadline
		 * @param sleeper how to wait
		 * @param nanoTime the clock
		 * @param observationRegistry where waits are observed
		 */
		public Pacing(RateLimitPacer pacer, PacingKeys keys, ErrorMapper errors, RetryExecutor.Sleeper sleeper,
				LongSupplier nanoTime, ObservationRegistry observationRegistry) {
			this.pacer = pacer;
			this.keys = keys;
			this.errors = errors;
			this.sleeper = sleeper;
			this.nanoTime = nanoTime;
			this.observationRegistry = observationRegistry;
		}

		/**
		 * Learns from an answer's rate limit.
		 * @param call the request answered
		 * @param rateLimit what it reported
		 */
		public void observe(ScimCall call, RateLimit rateLimit) {
			this.last = rateLimit;
			this.pacer.observe(this.keys.of(call.operation()), rateLimit, this.nanoTime.getAsLong());
		}

		/**
		 * The rate limit the latest answer reported.
		 * @return it, or {@code null} before any
		 */
		public @Nullable RateLimit last() {
			return this.last;
		}

		/**
		 * Ends a request that {@link #await} let start, answered or not.
		 * @param operation the request's operation
		 */
		void release(ScimOperation operation) {
			this.pacer.release(this.keys.of(operation));
		}

		void await(ScimOperation operation, long deadlineNanos, String clientName) {
			if (!this.pacer.enabled()) {
				return;
			}
			long now = this.nanoTime.getAsLong();
			long wait = this.pacer.reserve(this.keys.of(operation), now, deadlineNanos);
			if (wait == 0) {
				return;
			}
			if (wait < 0) {
				throw this.errors.heldBack(operation, Duration.ofNanos(-wait), this.last);
			}
			Observation observation = ScimClientObservationDocumentation.PACING.observation(this.observationRegistry)
				.lowCardinalityKeyValue(ScimClientObservationDocumentation.LowCardinalityKeyNames.OPERATION.asString(),
						operation.metricName())
				.lowCardinalityKeyValue(ScimClientObservationDocumentation.PacingKeyNames.SCOPE.asString(),
						operation.rateLimitScope().tag())
				.lowCardinalityKeyValue(
						ScimClientObservationDocumentation.LowCardinalityKeyNames.CLIENT_NAME.asString(), clientName);
			observation.start();
			try {
				this.sleeper.sleep(Duration.ofNanos(wait));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				release(operation);
				observation.error(ex);
				throw new ScimInterruptedException("Interrupted while waiting " + Duration.ofNanos(wait).toMillis()
						+ " ms for Grantex's rate limit before " + operation.describe()
						+ "; nothing was sent, and the thread's interrupt flag is left set.", null);
			}
			finally {
				observation.stop();
			}
		}

	}

}
