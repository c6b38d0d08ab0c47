package dev.grantex.scim.test;

/**
 * The three shapes of error body the real Grantex server sends, so a fault can answer in
 * the shape a client's error reader must handle on that route (see
 * {@link Fault#credentialEchoed(int, ErrorShape)}).
 */
public enum ErrorShape {

	/**
	 * {@code {"message","code","requestId"}}: every {@code /v1} error, and on
	 * {@code /scim/v2} the 415, bad-JSON 400, 413, 429 and 500.
	 */
	GRANTEX,

	/**
	 * {@code {"schemas","detail","scimType","status"}}, {@code status} a JSON number: the
	 * {@code /scim/v2} 401, 400 "userName is required" and 404 "User not found".
	 */
	SCIM,

	/**
	 * {@code {"message","error","statusCode"}}: the web framework's 404 for unknown
	 * routes.
	 */
	FRAMEWORK

}
