package dev.grantex.scim.internal.call;

/**
 * The two rate limits of Grantex, each with its own budget: per client IP on every route
 * (5,000 requests a minute), and per developer on the API-key routes (100 to 2,000 a
 * minute by plan), whose answers report the developer's limit instead of the IP's.
 */
public enum RateLimitScope {

	/** The per-IP limit, reported on {@code /scim/v2}. */
	IP("ip"),

	/** The per-developer plan limit, reported on {@code /v1/scim/tokens}. */
	DEVELOPER("developer");

	private final String tag;

	RateLimitScope(String tag) {
		this.tag = tag;
	}

	/**
	 * The scope as a metric tag value.
	 * @return {@code ip} or {@code developer}
	 */
	public String tag() {
		return this.tag;
	}

}
