package dev.grantex.scim.error;

/**
 * What kind of failure ended an operation, as metrics, health and logs report it. Every
 * {@link ScimException} knows its own; nothing else derives it.
 */
public enum ScimFailureCategory {

	/**
	 * Grantex refused the request as it was sent (a 4xx other than 429), or the client
	 * lacks what the request needs: sending it again unchanged fails again.
	 */
	CLIENT_ERROR("client-error"),

	/**
	 * Grantex failed (a 5xx), or answered with something that is not Grantex's answer (an
	 * unreadable body, a redirect).
	 */
	SERVER_ERROR("server-error"),

	/**
	 * A rate limit refused the request (a 429), or the client did not send it because the
	 * limit Grantex announced would not allow it in time.
	 */
	RATE_LIMITED("rate-limited"),

	/**
	 * No HTTP answer came: the connection could not be made, timed out, or broke.
	 */
	TRANSPORT_ERROR("transport-error");

	private final String tag;

	ScimFailureCategory(String tag) {
		this.tag = tag;
	}

	/**
	 * The category as a metric tag value.
	 * @return e.g. {@code client-error}
	 */
	public String tag() {
		return this.tag;
	}

}
