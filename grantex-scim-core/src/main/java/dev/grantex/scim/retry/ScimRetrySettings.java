package dev.grantex.scim.retry;

import java.time.Duration;

/**
 * How the client retries a failed operation: the one description of the retry rules.
 *
 * <p>
 * A failure is retried only when sending the request again could succeed (the exception's
 * {@link dev.grantex.scim.error.ScimException#retryReason() retryReason()}: 429; 502, 503
 * or 504; a refused connection or connect timeout; a read timeout or broken connection; a
 * success whose body could not be read) and cannot do harm. Reads, {@code PUT} and
 * {@code DELETE} are idempotent and retried on all of these. {@code POST} and
 * {@code PATCH} are retried only where the server provably did nothing: a 429, a refused
 * connection, a connect timeout. {@code createUser} is the exception: after a failure
 * that may have reached the server, it first looks for the user it sent and returns it if
 * that attempt created it (same {@code userName}, {@code externalId}, {@code displayName}
 * and {@code active}, created no earlier than two minutes before the first attempt, to
 * allow for the clocks of client and server to differ); otherwise it sends again. A
 * {@code DELETE} that meets 404 after an attempt that may have reached the server has
 * succeeded. Nothing is retried on another 4xx or on 500.
 *
 * <p>
 * A {@code retry-after} the server sends is honoured up to {@link #maxRetryAfter()};
 * otherwise the wait grows exponentially from {@link #initialDelay()} by
 * {@link #multiplier()} up to {@link #maxDelay()}, shortened at random by up to
 * {@link #jitter()} of itself so that many clients do not retry in step. Everything an
 * operation does lives within its {@link #deadline()}, counted from its start: its
 * attempts, the waits between them, the wait for the rate limit, and {@code createUser}'s
 * check; no retry starts whose wait would end later, and an answer still being read at
 * the deadline is abandoned. The deadline applies also when retry is disabled.
 *
 * @param enabled whether to retry at all
 * @param maxAttempts the most attempts per operation, the first included; at least 1
 * @param initialDelay the wait before the first retry, without a {@code retry-after}
 * @param multiplier how much each further wait grows; at least 1
 * @param maxDelay the longest computed wait
 * @param jitter the largest fraction, 0 to 1, by which a computed wait is shortened at
 * random
 * @param deadline the longest an operation may take, everything included
 * @param maxRetryAfter the longest {@code retry-after} to wait for; a longer one fails
 * the operation at once with a {@link dev.grantex.scim.error.ScimRateLimitException} that
 * carries it
 */
public record ScimRetrySettings(boolean enabled, int maxAttempts, Duration initialDelay, double multiplier,
		Duration maxDelay, double jitter, Duration deadline, Duration maxRetryAfter) {

	private static final ScimRetrySettings DEFAULTS = new ScimRetrySettings(true, 4, Duration.ofMillis(200), 2.0,
			Duration.ofSeconds(5), 0.5, Duration.ofSeconds(60), Duration.ofSeconds(30));

	/**
	 * Creates the settings, checking each.
	 * @param enabled whether to retry
	 * @param maxAttempts the most attempts
	 * @param initialDelay the first wait
	 * @param multiplier the growth of each wait
	 * @param maxDelay the longest computed wait
	 * @param jitter the random shortening, 0 to 1
	 * @param deadline the longest an operation may take
	 * @param maxRetryAfter the longest retry-after to honour
	 * @throws IllegalArgumentException if a setting is out of range
	 */
	public ScimRetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException(
					"maxAttempts must be at least 1 (the first attempt), was " + maxAttempts);
		}
		requireNotNegative(initialDelay, "initialDelay");
		requireNotNegative(maxDelay, "maxDelay");
		requireNotNegative(maxRetryAfter, "maxRetryAfter");
		if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
			throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
		}
		if (!(jitter >= 0.0 && jitter <= 1.0)) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
		}
		if (deadline == null || deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("deadline must be positive, was " + deadline);
		}
	}

	/**
	 * The defaults: 4 attempts, waits from 200 ms doubling up to 5 s with up to 50%
	 * jitter, a 60 s deadline, and {@code retry-after} honoured up to 30 s.
	 * @return the default settings
	 */
	public static ScimRetrySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Settings that never retry: every operation makes one attempt.
	 * @return settings with retry disabled
	 */
	public static ScimRetrySettings disabled() {
		return DEFAULTS.toBuilder().enabled(false).build();
	}

	/**
	 * Starts from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return DEFAULTS.toBuilder();
	}

	/**
	 * A builder holding these settings.
	 * @return a builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	private static void requireNotNegative(Duration duration, String name) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, was " + duration);
		}
	}

	/**
	 * Builds {@link ScimRetrySettings}. Not thread-safe.
	 */
	public static final class Builder {

		private boolean enabled;

		private int maxAttempts;

		private Duration initialDelay;

		private double multiplier;

		private Duration maxDelay;

		private double jitter;

		private Duration deadline;

		private Duration maxRetryAfter;

		private Builder(ScimRetrySettings from) {
			this.enabled = from.enabled;
			this.maxAttempts = from.maxAttempts;
			this.initialDelay = from.initialDelay;
			this.multiplier = from.multiplier;
			this.maxDelay = from.maxDelay;
			this.jitter = from.jitter;
			this.deadline = from.deadline;
			this.maxRetryAfter = from.maxRetryAfter;
		}

		/**
		 * Sets whether to retry.
		 * @param enabled whether to retry
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Sets the most attempts, the first included.
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets the wait before the first retry.
		 * @param initialDelay not negative
		 * @return this builder
		 */
		public Builder initialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
			return this;
		}

		/**
		 * Sets how much each further wait grows.
		 * @param multiplier at least 1
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Sets the longest computed wait.
		 * @param maxDelay not negative
		 * @return this builder
		 */
		public Builder maxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
			return this;
		}

		/**
		 * Sets the largest fraction by which a computed wait is shortened at random.
		 * @param jitter 0 to 1
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * Sets the longest an operation may take, retries and waits included.
		 * @param deadline positive
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			this.deadline = deadline;
			return this;
		}

		/**
		 * Sets the longest {@code retry-after} to wait for.
		 * @param maxRetryAfter not negative
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if a setting is out of range
		 */
		public ScimRetrySettings build() {
			return new ScimRetrySettings(this.enabled, this.maxAttempts, this.initialDelay, this.multiplier,
					this.maxDelay, this.jitter, this.deadline, this.maxRetryAfter);
		}

	}

}
