package dev.grantex.scim.internal.pacing;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.grantex.scim.internal.call.RateLimitScope;
import dev.grantex.scim.model.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How the pacer spreads requests under the budget Grantex announces, with a clock the
 * test moves.
 */
class RateLimitPacerTests {

	private static final RateLimitPacer.Key SCIM = new RateLimitPacer.Key("https://api.grantex.dev", RateLimitScope.IP,
			"");

	private static final long SECOND = 1_000_000_000L;

	private long now = -5 * SECOND;

	@Test
	void doesNotPaceBeforeAnyAnswerHasAnnouncedABudget() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		assertThat(pacer.reserve(SCIM, this.now, this.now)).isZero();
	}

	@Test
	void spreadsTheRequestsLeftOverTheTimeLeft() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 10, 5, null), this.now);

		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isZero();
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(SECOND / 2);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(SECOND);
	}

	@Test
	void theClientsOtherRequestsInFlightAreTakenFromTheBudgetAnAnswerReports() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 10, 10, null), this.now);
		for (int slot = 0; slot < 4; slot++) {
			assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(slot * SECOND);
		}

		// the first one's answer: 9 left, of which the 3 still in flight may take 3
		pacer.observe(SCIM, limit(100, 9, 10, null), this.now);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(4 * SECOND);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(4 * SECOND + 10 * SECOND / 6);
	}

	@Test
	void aRequestReleasedIsNoLongerTakenFromTheBudget() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 10, 10, null), this.now);
		pacer.reserve(SCIM, this.now, this.now + 60 * SECOND);
		pacer.reserve(SCIM, this.now, this.now + 60 * SECOND);
		pacer.release(SCIM);
		pacer.release(SCIM);

		pacer.observe(SCIM, limit(100, 8, 10, null), this.now);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(2 * SECOND);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(2 * SECOND + 10 * SECOND / 8);
	}

	@Test
	void answersOfOneWindowNarrowTheResetThatEachRoundsUpToASecond() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		// the window really ends 2.1 s from now; each answer rounds what is left up
		pacer.observe(SCIM, limit(100, 0, 3, null), this.now);
		pacer.observe(SCIM, limit(100, 0, 2, null), this.now + 2 * SECOND / 10);
		pacer.observe(SCIM, limit(100, 0, 2, null), this.now + 5 * SECOND / 10);

		// the second answer put the reset at 2.2 s at the latest, the third at 2.5 s
		assertThat(pacer.reserve(SCIM, this.now + 5 * SECOND / 10, this.now + 60 * SECOND)).isEqualTo(17 * SECOND / 10);
	}

	@Test
	void aLaterResetIsANewWindowOnceTheOneBeforeHasEnded() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 0, 2, null), this.now);
		// past the end of that window, the next report starts a new one
		pacer.observe(SCIM, limit(100, 0, 60, null), this.now + 2 * SECOND);

		assertThat(pacer.reserve(SCIM, this.now + 2 * SECOND, this.now + 120 * SECOND)).isEqualTo(60 * SECOND);
	}

	@Test
	void holdsRequestsUntilTheResetWhenTheBudgetIsSpent() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 0, 7, null), this.now);

		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(7 * SECOND);
		// a new window starts unknown: requests go as they come until the next answer
		assertThat(pacer.reserve(SCIM, this.now + 7 * SECOND, this.now + 60 * SECOND)).isZero();
	}

	@Test
	void aWaitPastTheLatestStartIsNotTakenAndIsReportedNegative() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 0, 30, null), this.now);

		assertThat(pacer.reserve(SCIM, this.now, this.now + 10 * SECOND)).isEqualTo(-30 * SECOND);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(30 * SECOND);
	}

	@Test
	void aRetryAfterHoldsEveryRequestOfTheBudget() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(100, 50, 30, Duration.ofSeconds(3)), this.now);

		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(3 * SECOND);
	}

	@Test
	void leavesTheReserveForOthers() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0.5);
		pacer.observe(SCIM, limit(100, 60, 10, null), this.now);

		pacer.reserve(SCIM, this.now, this.now + 60 * SECOND);
		// 60 left, 50 kept for others: 10 requests over 10 seconds
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(SECOND);

		pacer.observe(SCIM, limit(100, 50, 9, null), this.now + SECOND);
		assertThat(pacer.reserve(SCIM, this.now + SECOND, this.now + 60 * SECOND)).isEqualTo(9 * SECOND);
	}

	@Test
	void aReportInconsistentWithTheOneBeforeDoesNotHoldRequestsForLong() {
		// one limiter's 429 (none left, reset in 1s) among another's answers (reset in
		// 58s)
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		pacer.observe(SCIM, limit(5000, 0, 1, Duration.ofSeconds(1)), this.now);
		pacer.observe(SCIM, limit(5000, 4900, 58, null), this.now);

		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isEqualTo(SECOND);
	}

	@Test
	void budgetsOfDifferentScopesAreApart() {
		RateLimitPacer pacer = new RateLimitPacer(true, 0);
		RateLimitPacer.Key developer = new RateLimitPacer.Key("https://api.grantex.dev", RateLimitScope.DEVELOPER,
				"someone");
		pacer.observe(developer, limit(100, 0, 40, null), this.now);

		assertThat(pacer.reserve(developer, this.now, this.now + 60 * SECOND)).isEqualTo(40 * SECOND);
		assertThat(pacer.reserve(SCIM, this.now, this.now + 60 * SECOND)).isZero();
	}

	@Test
	void turnedOffItNeverWaits() {
		RateLimitPacer pacer = new RateLimitPacer(false, 0);
		pacer.observe(SCIM, limit(100, 0, 30, Duration.ofSeconds(30)), this.now);

		assertThat(pacer.enabled()).isFalse();
		assertThat(pacer.reserve(SCIM, this.now, this.now)).isZero();
	}

	@Test
	void refusesAReserveOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPacer(true, 1.0))
			.withMessage("reserve must be at least 0 and less than 1, was 1.0");
	}

	private static RateLimit limit(long limit, long remaining, long resetSeconds, @Nullable Duration retryAfter) {
		return new RateLimit(limit, remaining, Duration.ofSeconds(resetSeconds), retryAfter, Instant.EPOCH);
	}

}
