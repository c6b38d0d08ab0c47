package dev.grantex.scim.internal.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ScimUserMeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The pager's stopping rules, against page sources that behave in the ways a server can.
 */
class UserPagerTests {

	private final List<String> requests = new ArrayList<>();

	@Test
	void stopsOnTotalResultsWithoutAskingForAnEmptyPage() {
		List<String> names = stream(pagesOf(5, 5), 2);

		assertThat(names).containsExactly("u1", "u2", "u3", "u4", "u5");
		assertThat(this.requests).containsExactly("1/2", "3/2", "5/2");
	}

	@Test
	void advancesByTheUsersReturnedNotByItemsPerPage() {
		// the server returns fewer users than asked while echoing the requested count as
		// itemsPerPage
		UserPager.PageSource source = (start, count) -> {
			this.requests.add(start + "/" + count);
			List<ScimUser> page = IntStream.rangeClosed(start, Math.min(start, 3))
				.mapToObj(UserPagerTests::user)
				.toList();
			return new ScimListResponse(3, start, count, page);
		};

		assertThat(stream(source, 100)).containsExactly("u1", "u2", "u3");
		assertThat(this.requests).containsExactly("1/100", "2/100", "3/100");
	}

	@Test
	void stopsOnAnEmptyPageEvenIfTotalResultsClaimsMore() {
		// users deleted meanwhile: totalResults is stale
		assertThat(stream(pagesOf(3, 10), 2)).containsExactly("u1", "u2", "u3");
		assertThat(this.requests).containsExactly("1/2", "3/2", "4/2");
	}

	@Test
	void fetchesPagesOnlyAsTheStreamIsConsumed() {
		UserPager pager = new UserPager(pagesOf(1000, 1000), 10);

		assertThat(StreamSupport.stream(pager, false).limit(15).count()).isEqualTo(15);
		assertThat(this.requests).containsExactly("1/10", "11/10");
	}

	@Test
	void anEmptyTenantTakesOneRequest() {
		assertThat(stream(pagesOf(0, 0), 100)).isEmpty();
		assertThat(this.requests).containsExactly("1/100");
	}

	@Test
	void refusesAPageThatRepeatsThePageBefore() {
		UserPager.PageSource source = (start, count) -> {
			this.requests.add(start + "/" + count);
			return new ScimListResponse(1_000_000, start, count, List.of(user(1), user(2)));
		};

		assertThatIllegalStateException().isThrownBy(() -> stream(source, 2))
			.withMessage("The page starting at 3 repeats the page before");
		assertThat(this.requests).containsExactly("1/2", "3/2");
	}

	@Test
	void stopsAtTheFirstPagesTotalWhateverLaterPagesClaim() {
		// a server that raises totalResults on every page, with new users each time
		UserPager.PageSource source = (start, count) -> {
			this.requests.add(start + "/" + count);
			List<ScimUser> page = IntStream.range(start, start + count).mapToObj(UserPagerTests::user).toList();
			return new ScimListResponse((start == 1) ? 5 : 5 + start * 100, start, count, page);
		};

		assertThat(stream(source, 2)).hasSize(6);
		assertThat(this.requests).containsExactly("1/2", "3/2", "5/2");
	}

	/**
	 * A source holding {@code stored} users that reports {@code total} as totalResults.
	 */
	private UserPager.PageSource pagesOf(int stored, int total) {
		return (start, count) -> {
			this.requests.add(start + "/" + count);
			List<ScimUser> page = IntStream.range(start, Math.min(start + count, stored + 1))
				.mapToObj(UserPagerTests::user)
				.toList();
			return new ScimListResponse(total, start, count, page);
		};
	}

	private static List<String> stream(UserPager.PageSource source, int pageSize) {
		return StreamSupport.stream(new UserPager(source, pageSize), false).map(ScimUser::userName).toList();
	}

	private static ScimUser user(int index) {
		return new ScimUser("scimuser_" + index, "u" + index, true, List.of(),
				new ScimUserMeta("User", Instant.EPOCH, Instant.EPOCH), null, null);
	}

}
