package dev.grantex.scim.internal.users;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.stream.StreamSupport;

import dev.grantex.scim.internal.retry.RetryExecutor;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimUser;

/**
 * After a {@code createUser} attempt that may have reached Grantex, finds out whether it
 * created the user: Grantex ignores {@code filter}, so this reads the developer's users
 * page by page and looks for the {@code userName} sent.
 *
 * <p>
 * A user found is taken as the one created only if it holds exactly what was sent and was
 * created no earlier than {@link #CLOCK_SKEW} before the first attempt: someone else's
 * user that already had the name is not adopted, and the create is sent again (and then
 * fails as the duplicate it is). A check that cannot finish before the deadline settles
 * nothing, and the failure that led to it stands.
 */
public final class CreatedUserCheck implements RetryExecutor.Verifier<ScimUser> {

	/** How far the clocks of client and server may differ. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	/** Grantex's largest page. */
	public static final int PAGE_SIZE = 200;

	private final CreateScimUserParams sent;

	private final Instant earliestCreation;

	private final LongFunction<UserPager.PageSource> pagesWithin;

	private final LongSupplier nanoTime;

	/**
	 * Creates the check of one create.
	 * @param sent what the create sent
	 * @param firstAttempt when the first attempt started
	 * @param pagesWithin the source of pages read within a deadline, for a deadline
	 * @param nanoTime the clock of deadlines
	 */
	public CreatedUserCheck(CreateScimUserParams sent, Instant firstAttempt,
			LongFunction<UserPager.PageSource> pagesWithin, LongSupplier nanoTime) {
		this.sent = sent;
		this.earliestCreation = firstAttempt.minus(CLOCK_SKEW);
		this.pagesWithin = pagesWithin;
		this.nanoTime = nanoTime;
	}

	@Override
	public Optional<ScimUser> verify(long deadlineNanos) {
		UserPager.PageSource pages = this.pagesWithin.apply(deadlineNanos);
		UserPager pager = new UserPager(new UserPager.PageSource() {

			@Override
			public ScimListResponse fetch(int startIndex, int count) {
				if (CreatedUserCheck.this.nanoTime.getAsLong() - deadlineNanos >= 0) {
					throw new RetryExecutor.VerificationUnfinished();
				}
				return pages.fetch(startIndex, count);
			}

			@Override
			public RuntimeException noProgress(int startIndex) {
				return pages.noProgress(startIndex);
			}

		}, PAGE_SIZE);
		return StreamSupport.stream(pager, false)
			.filter((user) -> user.userName().equals(this.sent.userName()))
			.findFirst()
			.filter(this::isTheOneSent);
	}

	private boolean isTheOneSent(ScimUser user) {
		Instant created = user.meta().created();
		return created != null && !created.isBefore(this.earliestCreation)
				&& Objects.equals(user.externalId(), this.sent.externalId())
				&& Objects.equals(user.displayName(), this.sent.displayName()) && user.active() == this.sent.active()
				&& values(user.emails()).equals(values(this.sent.emails()));
	}

	private static Set<String> values(List<ScimEmail> emails) {
		Set<String> values = new HashSet<>();
		for (ScimEmail email : emails) {
			values.add(email.value());
		}
		return values;
	}

}
