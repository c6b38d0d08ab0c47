package dev.grantex.scim.test;

import dev.grantex.scim.test.internal.FaultQueue;

/**
 * Which requests a scripted {@link Fault} may be used on, so a test can fail exactly the
 * operation it is about (say, user creation) while the lookups and other calls around it
 * are served normally. Immutable.
 */
public final class FaultTarget {

	private static final FaultTarget ANY = new FaultTarget(FaultQueue.ANY_METHOD, "");

	private final String method;

	private final String pathPrefix;

	private FaultTarget(String method, String pathPrefix) {
		this.method = method;
		this.pathPrefix = pathPrefix;
	}

	/**
	 * Every request, whatever its method and path.
	 * @return the target
	 */
	public static FaultTarget any() {
		return ANY;
	}

	/**
	 * The requests with this method whose raw path (as sent, percent-encoding intact,
	 * without the query) is the prefix or lies below it, on whole segments:
	 * {@code route("POST", "/scim/v2/Users")} is user creation;
	 * {@code route("*", "/scim/v2/Users")} is every user operation, including
	 * {@code /scim/v2/Users/{id}}, but not {@code /scim/v2/UsersX}. A prefix ending in
	 * {@code /} matches every path that starts with it, so {@code route("GET", "/")} is
	 * every {@code GET}.
	 * @param method the method in upper case, compared exactly as HTTP does (e.g.
	 * {@code POST}), or {@code *} for any method
	 * @param pathPrefix the path prefix, starting with {@code /}, without a query
	 * @return the target
	 * @throws IllegalArgumentException for a method that is neither {@code *} nor
	 * upper-case letters, or a prefix that does not start with {@code /} or holds a
	 * {@code ?}, {@code #} or whitespace
	 */
	public static FaultTarget route(String method, String pathPrefix) {
		if (!method.equals(FaultQueue.ANY_METHOD)
				&& (method.isEmpty() || !method.chars().allMatch((c) -> c >= 'A' && c <= 'Z'))) {
			throw new IllegalArgumentException(
					"method must be an upper-case HTTP method such as POST, or * for any: '" + method + "'");
		}
		if (!pathPrefix.startsWith("/") || pathPrefix.chars().anyMatch((c) -> c == '?' || c == '#' || c <= ' ')) {
			throw new IllegalArgumentException(
					"pathPrefix must be a raw path starting with /, without query or whitespace: '" + pathPrefix + "'");
		}
		return new FaultTarget(method, pathPrefix);
	}

	String method() {
		return this.method;
	}

	String pathPrefix() {
		return this.pathPrefix;
	}

	/**
	 * The target for messages.
	 * @return {@code any request}, or the method and prefix, e.g.
	 * {@code POST /scim/v2/Users}
	 */
	@Override
	public String toString() {
		return (this == ANY) ? "any request" : this.method + " " + this.pathPrefix;
	}

}
