package dev.grantex.scim.internal;

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
 * resets) and {@code retry-after} (seconds or an HTTP date).
 */
final class RateLimits {

	private RateLimits() {
	}

	/**
	 * The rate limit a response reported, or {@code null} when it carried no
	 * {@code x-ratelimit-limit}.
	 */
	static @Nullable RateLimit from(HttpHeaders headers, Instant receivedAt) {
		Long limit = longHeader(headers, "x-ratelimit-limit");
		if (limit == null) {
			return null;
		}
		Long remaining = longHeader(headers, "x-ratelimit-remaining");
		Long reset = longHeader(headers, "x-ratelimit-reset");
		return new RateLimit(limit, (remaining != null) ? remaining : 0,
				Duration.ofSeconds((reset != null) ? Math.max(reset, 0) : 0), retryAfter(headers, receivedAt),
				receivedAt);
	}

	/**
	 * The wait a {@code retry-after} header asks for, or {@code null} when absent or
	 * unreadable.
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Instant receivedAt) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		try {
			return Duration.ofSeconds(Math.max(Long.parseLong(value), 0));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(receivedAt, until);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
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
