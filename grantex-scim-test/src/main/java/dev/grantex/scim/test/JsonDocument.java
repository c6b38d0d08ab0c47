package dev.grantex.scim.test;

/**
 * The JSON documents the body-generating faults ({@link Fault#largeBody},
 * {@link Fault#inflatingBody}) produce at any size, each in a shape a Grantex client
 * reads on some route, so a test can check that the client limits what it reads wherever
 * the answer comes from. Every document is valid JSON of exactly the requested size
 * (entries of a list are distinct, and a list that cannot end exactly on the size with
 * whole entries is padded with spaces before its closing bracket).
 */
public enum JsonDocument {

	/**
	 * A User (as {@code GET /scim/v2/Users/{id}} answers) whose {@code userName} is as
	 * long as the size requires; at least 250 bytes or so.
	 */
	USER,

	/**
	 * A ListResponse (as {@code GET /scim/v2/Users} answers) with as many Users as fit,
	 * about 260 bytes each; {@code totalResults} and {@code itemsPerPage} give their
	 * number and {@code startIndex} is 1.
	 */
	USER_LIST,

	/**
	 * The ServiceProviderConfig (as {@code GET /scim/v2/ServiceProviderConfig} answers)
	 * whose authentication scheme's {@code description} is as long as the size requires.
	 */
	SERVICE_PROVIDER_CONFIG,

	/**
	 * A token list (as {@code GET /v1/scim/tokens} answers) with as many tokens as fit,
	 * about 130 bytes each.
	 */
	TOKEN_LIST,

	/**
	 * A Grantex-shaped error ({@code message}, {@code code}, {@code requestId}) whose
	 * {@code message} is as long as the size requires; {@code code} is
	 * {@code INTERNAL_ERROR} for a 5xx status and {@code BAD_REQUEST} otherwise.
	 */
	GRANTEX_ERROR

}
