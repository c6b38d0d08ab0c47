package dev.grantex.scim.test.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed-window request counter per key, like the real server's two limiters: the per-IP
 * one, whose window starts at a key's first request, and the per-developer plan one,
 * whose windows are aligned to multiples of the window length on the wall clock (whole
 * minutes by default).
 */
final class RateLimiter {

	private final boolean alignedToClock;

	private final LongSupplier clockMillis;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private volatile Settings settings;

	RateLimiter(boolean alignedToClock, int limit, Duration window, LongSupplier clockMillis) {
		this.alignedToClock = alignedToClock;
		this.clockMillis = clockMillis;
		this.settings = validated(limit, window);
	}

	/**
	 * Changes limit and window; every key starts a fresh window.
	 * @param limit the requests allowed per window, zero or more
	 * @param window the window length, at least one millisecond
	 */
	void configure(int limit, Duration window) {
		this.settings = validated(limit, window);
		this.windows.clear();
	}

	/**
	 * The number of requests allowed per window, as configured now.
	 * @return the limit
	 */
	int limit() {
		return this.settings.limit();
	}

	/**
	 * Counts one request for the key and says whether it is within the limit.
	 * @param key what is limited: an address or a developer id
	 * @return the verdict and the header values
	 */
	Decision acquire(String key) {
		Settings current = this.settings;
		long now = this.clockMillis.getAsLong();
		long length = current.windowMillis();
		Window window = this.windows.compute(key, (ignored, previous) -> {
			if (previous != null && now >= previous.startMillis() && now < previous.endMillis()) {
				return new Window(previous.startMillis(), previous.endMillis(), previous.count() + 1);
			}
			long start = this.alignedToClock ? Math.floorDiv(now, length) * length : now;
			return new Window(start, start + length, 1);
		});
		int remaining = Math.max(0, current.limit() - window.count());
		long resetSeconds = Math.max(1, ceilDiv(window.endMillis() - now, 1000));
		return new Decision(window.count() <= current.limit(), current.limit(), remaining, resetSeconds);
	}

	private static Settings validated(int limit, Duration window) {
		if (limit < 0) {
			throw new IllegalArgumentException("requestsPerWindow must not be negative: " + limit);
		}
		if (window.toMillis() < 1) {
			throw new IllegalArgumentException("window must be at least one millisecond: " + window);
		}
		return new Settings(limit, window.toMillis());
	}

	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

	/**
	 * The verdict for one request, with the values of the {@code x-ratelimit-*} headers.
	 *
	 * @param allowed whether the request is within the limit
	 * @param limit {@code x-ratelimit-limit}
	 * @param remaining {@code x-ratelimit-remaining}, never below zero
	 * @param resetSeconds {@code x-ratelimit-reset} and, on a 429, {@code retry-after}
	 */
	record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
	}

	private record Settings(int limit, long windowMillis) {
	}

	private record Window(long startMillis, long endMillis, int count) {
	}

}
