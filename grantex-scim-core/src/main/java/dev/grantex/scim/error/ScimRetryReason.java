package dev.grantex.scim.error;

/**
 * Why sending a failed request again could succeed, as a {@link ScimException} reports
 * it. Whether the client does retry also depends on the operation: a request that may
 * have reached the server is repeated only when repeating it cannot do harm.
 */
public enum ScimRetryReason {

	/** A rate limit refused the request; nothing was processed. */
	RATE_LIMITED("rate-limited"),

	/** Grantex or a proxy in front of it answered 502, 503 or 504. */
	SERVER_UNAVAILABLE("server-unavailable"),

	/** No connection could be made, in time or at all; nothing was sent. */
	CONNECT_FAILURE("connect-failure"),

	/** The request was sent, but no whole answer came in time. */
	TIMEOUT("timeout"),

	/** The connection broke while the request was sent or its answer read. */
	CONNECTION_RESET("connection-reset"),

	/** A success answer came, but its body could not be read. */
	UNREADABLE_RESPONSE("unreadable-response");

	private final String tag;

	ScimRetryReason(String tag) {
		this.tag = tag;
	}

	/**
	 * The reason as a metric tag value.
	 * @return e.g. {@code server-unavailable}
	 */
	public String tag() {
		return this.tag;
	}

}
