package dev.grantex.scim.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import dev.grantex.scim.model.RateLimit;

/**
 * Reads Grantex's rate-limit headers: {@code x-ratelimit-limit},
 * {@code x-ratelimit-remaining}, {@code x-ratelimit-reset} (seconds until the window
 * resets) and {@code retry-after} (seconds or an HTTP date). Waits are capped at a day,
 * so that an absurd value cannot overflow what is computed from it; a wait that long
 * fails a call at once anyway.
 */
final class RateLimitHeaders {

	static final Duration LONGEST_WAIT = Duration.ofDays(1);

	private RateLimitHeaders() {
	}

	/**
	 * The rate limit a response reported.
	 * @param headers the response's headers
	 * @param receivedAt when it was received
	 * @return the rate limit, or {@code null} when it carried no
	 * {@code x-ratelimit-limit}
	 */
	static @Nullable RateLimit from(HttpHeaders headers, Instant receivedAt) {
		Long limit = longHeader(headers, "x-ratelimit-limit");
		if (limit == null) {
			return null;
		}
		Long remaining = longHeader(headers, "x-ratelimit-remaining");
		Long reset = longHeader(headers, "x-ratelimit-reset");
		return new RateLimit(Math.max(limit, 0), (remaining != null) ? Math.max(remaining, 0) : 0,
				seconds((reset != null) ? reset : 0), retryAfter(headers, receivedAt), receivedAt);
	}

	/**
	 * The wait a {@code retry-after} header asks for.
	 * @param headers the response's headers
	 * @param receivedAt when it was received
	 * @return the wait, or {@code null} when absent or unreadable
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Instant receivedAt) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		try {
			return seconds(Long.parseLong(value));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(receivedAt, until);
				return wait.isNegative() ? Duration.ZERO : min(wait, LONGEST_WAIT);
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	private static Duration seconds(long seconds) {
		return Duration.ofSeconds(Math.max(0, Math.min(seconds, LONGEST_WAIT.toSeconds())));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static @Nullable Long longHeader(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
