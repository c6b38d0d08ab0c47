package dev.grantex.scim.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Grantex is and with what to call it: the base URL and the two credentials.
 *
 * <p>
 * By default they come from {@code grantex.*}; a bean of this type supplies them instead
 * (test support, a secrets manager, a container), and the auto-configured client and its
 * health are built from it. Its values are checked by the client's builder, by the same
 * rules as the properties.
 */
public interface GrantexScimConnectionDetails extends ConnectionDetails {

	/**
	 * The Grantex base URL.
	 * @return the base URL
	 */
	URI baseUrl();

	/**
	 * The developer API key, for SCIM token management.
	 * @return the API key, or {@code null} for none
	 */
	@Nullable String apiKey();

	/**
	 * The SCIM token, for the user operations.
	 * @return the SCIM token, or {@code null} for none
	 */
	@Nullable String scimToken();

}
