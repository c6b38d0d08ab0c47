package dev.grantex.scim.model;

import java.util.List;

/**
 * One page of users.
 *
 * <p>
 * Grantex echoes the requested (clamped) {@code count} as {@code itemsPerPage}, not the
 * number of users on the page: use {@code resources().size()} for that, and
 * {@link #totalResults()} to know whether more pages follow.
 *
 * @param totalResults how many users the developer has in all
 * @param startIndex the 1-based index of the first user on this page, as the server
 * echoes it
 * @param itemsPerPage the page size as the server reports it (see above)
 * @param resources the users on this page; never {@code null}
 */
public record ScimListResponse(int totalResults, int startIndex, int itemsPerPage, List<ScimUser> resources) {

	/**
	 * Creates a page with an unmodifiable copy of the users.
	 * @param totalResults the total
	 * @param startIndex the start index
	 * @param itemsPerPage the reported page size
	 * @param resources the users
	 */
	public ScimListResponse {
		resources = List.copyOf(resources);
	}

}
