package dev.grantex.scim.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Consumer;

import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimUser;

/**
 * Pages lazily through every user: one page is fetched when the previous one is used up,
 * and only that page is held. Paging ends on an empty page or once the users seen reach
 * {@code totalResults}; Grantex's {@code itemsPerPage} echoes the requested count, not a
 * page's size, so it is never used.
 */
final class UserPager implements Spliterator<ScimUser> {

	@FunctionalInterface
	interface PageSource {

		ScimListResponse fetch(int startIndex, int count);

	}

	private final PageSource source;

	private final int pageSize;

	private int nextIndex = 1;

	private Iterator<ScimUser> page = Collections.emptyIterator();

	private boolean lastPageFetched;

	UserPager(PageSource source, int pageSize) {
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
		if (users.isEmpty()) {
			this.lastPageFetched = true;
			return;
		}
		this.nextIndex += users.size();
		if (this.nextIndex > response.totalResults()) {
			this.lastPageFetched = true;
		}
		this.page = users.iterator();
	}

	@Override
	public @org.jspecify.annotations.Nullable Spliterator<ScimUser> trySplit() {
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

}
