package dev.grantex.scim.internal;

/**
 * Why a failed attempt is retried; the name is a low-cardinality tag for logs and
 * metrics.
 */
enum RetryReason {

	RATE_LIMITED("rate-limited"),

	SERVER_UNAVAILABLE("server-unavailable"),

	CONNECT_FAILURE("connect-failure"),

	TIMEOUT("timeout"),

	CONNECTION_RESET("connection-reset"),

	UNREADABLE_RESPONSE("unreadable-response");

	private final String tag;

	RetryReason(String tag) {
		this.tag = tag;
	}

	String tag() {
		return this.tag;
	}

}
