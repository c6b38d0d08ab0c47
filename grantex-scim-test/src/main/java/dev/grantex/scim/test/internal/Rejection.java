package dev.grantex.scim.test.internal;

/**
 * Ends a request early with a finished error response (401, 404, 415, 429, 500 …), the
 * way a Fastify hook or handler replies and stops the chain.
 */
final class Rejection extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient WireResponse response;

	Rejection(WireResponse response) {
		super("HTTP " + response.status(), null, false, false);
		this.response = response;
	}

	WireResponse response() {
		return this.response;
	}

}
