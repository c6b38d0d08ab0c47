package dev.grantex.scim.test.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Window arithmetic of the two limiters, on a hand-driven clock. */
class RateLimiterTests {

	private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

	@Test
	void thePerKeyWindowStartsAtTheKeysFirstRequest() {
		RateLimiter limiter = new RateLimiter(false, 2, Duration.ofMinutes(1), this.clock::get);

		RateLimiter.Decision first = limiter.acquire("ip");
		this.clock.addAndGet(26_500);
		RateLimiter.Decision second = limiter.acquire("ip");
		RateLimiter.Decision third = limiter.acquire("ip");
		RateLimiter.Decision otherKey = limiter.acquire("other-ip");
		this.clock.addAndGet(33_500);
		RateLimiter.Decision nextWindow = limiter.acquire("ip");

		assertThat(first).isEqualTo(new RateLimiter.Decision(true, 2, 1, 60));
		assertThat(second).isEqualTo(new RateLimiter.Decision(true, 2, 0, 34));
		assertThat(third).isEqualTo(new RateLimiter.Decision(false, 2, 0, 34));
		assertThat(otherKey).isEqualTo(new RateLimiter.Decision(true, 2, 1, 60));
		assertThat(nextWindow).isEqualTo(new RateLimiter.Decision(true, 2, 1, 60));
	}

	@Test
	void theAlignedWindowEndsAtTheNextMultipleOfItsLength() {
		this.clock.set(Duration.ofMinutes(28_333_333).toMillis() + 22_000);
		RateLimiter limiter = new RateLimiter(true, 100, Duration.ofMinutes(1), this.clock::get);

		RateLimiter.Decision first = limiter.acquire("dev");
		this.clock.addAndGet(37_999);
		RateLimiter.Decision last = limiter.acquire("dev");
		this.clock.addAndGet(1);
		RateLimiter.Decision nextMinute = limiter.acquire("dev");

		assertThat(first).isEqualTo(new RateLimiter.Decision(true, 100, 99, 38));
		assertThat(last).isEqualTo(new RateLimiter.Decision(true, 100, 98, 1));
		assertThat(nextMinute).isEqualTo(new RateLimiter.Decision(true, 100, 99, 60));
	}

	@Test
	void reconfiguringStartsFreshWindows() {
		RateLimiter limiter = new RateLimiter(false, 1, Duration.ofMinutes(1), this.clock::get);
		limiter.acquire("ip");
		assertThat(limiter.acquire("ip").allowed()).isFalse();

		limiter.configure(3, Duration.ofSeconds(10));

		assertThat(limiter.acquire("ip")).isEqualTo(new RateLimiter.Decision(true, 3, 2, 10));
	}

}
