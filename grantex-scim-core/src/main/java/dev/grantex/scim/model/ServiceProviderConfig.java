package dev.grantex.scim.model;

import java.util.List;

/**
 * What the server says it supports ({@code GET /scim/v2/ServiceProviderConfig}, which
 * needs no credential).
 *
 * @param patchSupported whether PATCH is supported
 * @param bulk bulk support
 * @param filter filter support; Grantex says unsupported and ignores {@code filter}
 * @param changePasswordSupported whether password changes are supported
 * @param sortSupported whether sorting is supported
 * @param etagSupported whether ETags are supported
 * @param authenticationSchemes the accepted authentication schemes; never {@code null}
 */
public record ServiceProviderConfig(boolean patchSupported, Bulk bulk, Filter filter, boolean changePasswordSupported,
		boolean sortSupported, boolean etagSupported, List<AuthenticationScheme> authenticationSchemes) {

	/**
	 * Creates the configuration with an unmodifiable copy of the schemes.
	 * @param patchSupported whether PATCH is supported
	 * @param bulk bulk support
	 * @param filter filter support
	 * @param changePasswordSupported whether password changes are supported
	 * @param sortSupported whether sorting is supported
	 * @param etagSupported whether ETags are supported
	 * @param authenticationSchemes the schemes
	 */
	public ServiceProviderConfig {
		authenticationSchemes = List.copyOf(authenticationSchemes);
	}

	/**
	 * Bulk operation support.
	 *
	 * @param supported whether bulk is supported
	 * @param maxOperations the most operations in one request
	 * @param maxPayloadSize the largest payload in bytes
	 */
	public record Bulk(boolean supported, int maxOperations, int maxPayloadSize) {
	}

	/**
	 * Filter support.
	 *
	 * @param supported whether filtering is supported
	 * @param maxResults the most resources one answer holds
	 */
	public record Filter(boolean supported, int maxResults) {
	}

	/**
	 * An authentication scheme the server accepts.
	 *
	 * @param name the scheme's name
	 * @param description its description
	 * @param type its SCIM type, e.g. {@code oauthbearertoken}
	 * @param primary whether it is the primary scheme
	 */
	public record AuthenticationScheme(String name, String description, String type, boolean primary) {
	}

}
