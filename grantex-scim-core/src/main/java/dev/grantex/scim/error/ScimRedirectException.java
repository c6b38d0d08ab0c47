package dev.grantex.scim.error;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * The answer was a redirect (3xx), which the client never follows. Grantex's API never
 * redirects; a redirect comes from something between the client and Grantex (a proxy, a
 * load balancer, or an attacker on a cleartext path), and following it could send the
 * credential to another host.
 */
public class ScimRedirectException extends ScimProtocolException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Where the redirect pointed, as scheme, host and port only. */
	private final @Nullable String locationOrigin;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param statusCode the redirect's status
	 * @param locationOrigin the origin (scheme, host and port) of the {@code Location},
	 * or {@code null} when it had none that could be read
	 */
	public ScimRedirectException(String message, int statusCode, @Nullable String locationOrigin) {
		super(message, statusCode, null, false);
		this.locationOrigin = locationOrigin;
	}

	/**
	 * The origin the redirect pointed to: scheme, host and port, never a path or query
	 * (which may hold secrets).
	 * @return e.g. {@code https://login.example.com}, or {@code null} when the answer had
	 * no readable {@code Location}
	 */
	public @Nullable String locationOrigin() {
		return this.locationOrigin;
	}

	@Override
	public String summary() {
		return statusCode() + " redirect, not followed";
	}

}
