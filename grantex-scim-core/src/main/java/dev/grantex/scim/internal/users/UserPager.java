package dev.grantex.scim.internal.users;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimUser;

/**
 * Pages lazily through every user: one page is fetched when the previous one is used up,
 * and only that page is held. Paging ends on an empty page or once the users seen reach
 * the {@code totalResults} of the first page; Grantex's {@code itemsPerPage} echoes the
 * requested count, not a page's size, so it is never used.
 *
 * <p>
 * A server that does not advance (a page holding only users of the page before it) is
 * refused rather than paged forever, and one that keeps raising its total cannot extend
 * the paging past what the first page announced.
 */
public final class UserPager implements Spliterator<ScimUser> {

	private final PageSource source;

	private final int pageSize;

	private int nextIndex = 1;

	private long total = -1;

	private Iterator<ScimUser> page = Collections.emptyIterator();

	private Set<String> previousIds = Set.of();

	private boolean lastPageFetched;

	/**
	 * Creates a pager.
	 * @param source where pages come from
	 * @param pageSize users per page
	 */
	public UserPager(PageSource source, int pageSize) {
		this.source = source;
		this.pageSize = pageSize;
	}

	@Override
	public boolean tryAdvance(Consumer<? super ScimUser> action) {
		while (!this.page.hasNext()) {
			if (this.lastPageFetched) {
				return false;
			}
			fetchNextPage();
		}
		action.accept(this.page.next());
		return true;
	}

	private void fetchNextPage() {
		ScimListResponse response = this.source.fetch(this.nextIndex, this.pageSize);
		List<ScimUser> users = response.resources();
		if (this.total < 0) {
			this.total = response.totalResults();
		}
		if (users.isEmpty()) {
			this.lastPageFetched = true;
			return;
		}
		Set<String> ids = new HashSet<>(users.size() * 2);
		boolean advanced = false;
		for (ScimUser user : users) {
			ids.add(user.id());
			advanced |= !this.previousIds.contains(user.id());
		}
		if (!advanced) {
			throw this.source.noProgress(this.nextIndex);
		}
		this.previousIds = ids;
		this.nextIndex += users.size();
		if (this.nextIndex > this.total) {
			this.lastPageFetched = true;
		}
		this.page = users.iterator();
	}

	@Override
	public @Nullable Spliterator<ScimUser> trySplit() {
		return null;
	}

	@Override
	public long estimateSize() {
		return Long.MAX_VALUE;
	}

	@Override
	public int characteristics() {
		return ORDERED | NONNULL;
	}

	/**
	 * Where pages come from.
	 */
	@FunctionalInterface
	public interface PageSource {

		/**
		 * Fetches one page.
		 * @param startIndex the 1-based index of its first user
		 * @param count the page size
		 * @return the page
		 */
		ScimListResponse fetch(int startIndex, int count);

		/**
		 * The failure to throw when the page at {@code startIndex} repeats the one
		 * before.
		 * @param startIndex the page's start index
		 * @return the failure
		 */
		default RuntimeException noProgress(int startIndex) {
			return new IllegalStateException("The page starting at " + startIndex + " repeats the page before");
		}

	}

}
