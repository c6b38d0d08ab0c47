package dev.grantex.scim.internal.pacing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.grantex.scim.internal.call.RateLimitScope;
import dev.grantex.scim.model.RateLimit;

/**
 * Spreads requests over Grantex's rate-limit window, so that a burst waits instead of
 * meeting 429.
 *
 * <p>
 * Every answer reports the budget left ({@code x-ratelimit-remaining}) and when the
 * window resets ({@code x-ratelimit-reset}). The pacer lets requests start no closer
 * together than the time left divided by the requests left, less the client's other
 * requests still in flight (which the server may not have counted yet) and a reserve kept
 * for others; with none left, it holds them until the reset; after a 429 it holds them
 * for the {@code retry-after}. Each limit has its own budget: the per-IP one of every
 * route, and the per-developer one of the API-key routes, keyed by what shares it.
 *
 * <p>
 * The budget the headers report is the server's count for everyone behind the same IP (or
 * developer). Several clients, or several application instances, each pacing by it, slow
 * down together as it shrinks: the headers are the coordination, and no shared store is
 * needed. A client that has seen no answer yet does not pace.
 */
public final class RateLimitPacer {

	private final boolean enabled;

	private final double reserve;

	private final ConcurrentMap<Key, Budget> budgets = new ConcurrentHashMap<>();

	/**
	 * Creates a pacer.
	 * @param enabled whether to pace at all
	 * @param reserve the share of each limit, 0 to less than 1, left for other clients
	 */
	public RateLimitPacer(boolean enabled, double reserve) {
		if (!(reserve >= 0.0 && reserve < 1.0)) {
			throw new IllegalArgumentException("reserve must be at least 0 and less than 1, was " + reserve);
		}
		this.enabled = enabled;
		this.reserve = reserve;
	}

	/**
	 * Whether this pacer paces.
	 * @return {@code false} when turned off
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The share of each limit left for others.
	 * @return the reserve, 0 to less than 1
	 */
	public double reserve() {
		return this.reserve;
	}

	/**
	 * Takes the next slot of a budget, if it starts in time.
	 * @param key whose budget
	 * @param nowNanos the time now, on the {@link System#nanoTime()} scale
	 * @param latestStartNanos the latest a request may start
	 * @return how long to wait for the slot taken, at least 0; or, when the slot would
	 * start later than {@code latestStartNanos}, minus that wait, and no slot is taken
	 */
	public long reserve(Key key, long nowNanos, long latestStartNanos) {
		if (!this.enabled) {
			return 0;
		}
		Budget budget = this.budgets.get(key);
		return (budget != null) ? budget.reserve(nowNanos, latestStartNanos) : 0;
	}

	/**
	 * Ends a request that {@link #reserve took a slot}, answered or not: until then, the
	 * budget each answer reports is taken to leave it out.
	 * @param key whose budget the request spent
	 */
	public void release(Key key) {
		if (this.enabled) {
			Budget budget = this.budgets.get(key);
			if (budget != null) {
				budget.release();
			}
		}
	}

	/**
	 * Learns the budget from an answer, which must come before the request it answers is
	 * {@link #release released}.
	 * @param key whose budget the answer reported
	 * @param rateLimit what it reported
	 * @param nowNanos when it was received, on the {@link System#nanoTime()} scale
	 */
	public void observe(Key key, RateLimit rateLimit, long nowNanos) {
		if (this.enabled) {
			this.budgets.computeIfAbsent(key, (k) -> new Budget(this.reserve)).observe(rateLimit, nowNanos);
		}
	}

	/**
	 * What shares a budget.
	 *
	 * @param origin the Grantex origin, e.g. {@code https://api.grantex.dev}
	 * @param scope which limit
	 * @param principal for the per-developer limit, who the developer is (an opaque
	 * digest of the API key); empty for the per-IP one
	 */
	public record Key(String origin, RateLimitScope scope, String principal) {
	}

	/**
	 * One budget, as the latest answer reported it, and the slots handed out from it. The
	 * latest report replaces the one before: answers that overtake each other differ by
	 * the few requests in flight, while a report inconsistent with the one before (one
	 * limiter's 429 among another's answers) must not hold requests back for long.
	 */
	private static final class Budget {

		private static final long SECOND_NANOS = 1_000_000_000L;

		private final double reserve;

		private boolean known;

		private long windowEndNanos;

		private long intervalNanos;

		private long nextSlotNanos;

		private long blockedUntilNanos;

		// slots taken and not yet released; those begun before the budget was known are
		// not counted, hence the floor at 0 on release
		private int inFlight;

		Budget(double reserve) {
			this.reserve = reserve;
		}

		synchronized long reserve(long nowNanos, long latestStartNanos) {
			if (!this.known) {
				return 0;
			}
			long start = nowNanos;
			if (this.nextSlotNanos - start > 0) {
				start = this.nextSlotNanos;
			}
			if (this.blockedUntilNanos - start > 0) {
				start = this.blockedUntilNanos;
			}
			if (start - latestStartNanos > 0) {
				return -(start - nowNanos);
			}
			// past the reset, the budget is new and unknown until the next answer
			boolean newWindow = start - this.windowEndNanos >= 0;
			this.nextSlotNanos = start + (newWindow ? 0 : this.intervalNanos);
			this.inFlight++;
			return start - nowNanos;
		}

		synchronized void release() {
			if (this.inFlight > 0) {
				this.inFlight--;
			}
		}

		synchronized void observe(RateLimit rateLimit, long nowNanos) {
			long reportedEndNanos = nowNanos + rateLimit.resetAfter().toNanos();
			// Grantex counts the time to the reset in whole seconds, rounded up: each
			// answer
			// bounds the reset from above, and the answers of one window narrow it to the
			// moment, so that a short window is not paced as if a second longer
			boolean sameWindow = this.known && nowNanos - this.windowEndNanos < 0
					&& Math.abs(reportedEndNanos - this.windowEndNanos) < SECOND_NANOS;
			if (!this.known) {
				this.nextSlotNanos = nowNanos;
				this.blockedUntilNanos = nowNanos;
				this.known = true;
			}
			this.windowEndNanos = (sameWindow && this.windowEndNanos - reportedEndNanos < 0) ? this.windowEndNanos
					: reportedEndNanos;
			if (rateLimit.retryAfter() != null) {
				this.blockedUntilNanos = nowNanos + rateLimit.retryAfter().toNanos();
			}
			// the others in flight may have reached the server after this answer left it:
			// counting them spent keeps the last ones of a window from meeting 429
			long othersInFlight = Math.max(0, this.inFlight - 1);
			long usable = rateLimit.remaining() - othersInFlight - (long) Math.ceil(this.reserve * rateLimit.limit());
			if (usable <= 0) {
				// none left for this client: hold requests until the reset
				this.intervalNanos = 0;
				this.nextSlotNanos = this.windowEndNanos;
			}
			else {
				this.intervalNanos = (this.windowEndNanos - nowNanos) / usable;
			}
		}

	}

}
