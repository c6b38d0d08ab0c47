package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import dev.grantex.scim.ScimBaseUrl;

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

	/**
	 * Connection details with these values, for a bean of this type that replaces
	 * {@code grantex.*}; the client's builder checks them when the client is built.
	 * @param baseUrl the Grantex base URL
	 * @param apiKey the developer API key, or {@code null} for none
	 * @param scimToken the SCIM token, or {@code null} for none
	 * @return the connection details, whose {@code toString()} shows no credential
	 */
	static GrantexScimConnectionDetails of(URI baseUrl, @Nullable String apiKey, @Nullable String scimToken) {
		Objects.requireNonNull(baseUrl, "baseUrl");
		return new GrantexScimConnectionDetails() {

			@Override
			public URI baseUrl() {
				return baseUrl;
			}

			@Override
			public @Nullable String apiKey() {
				return apiKey;
			}

			@Override
			public @Nullable String scimToken() {
				return scimToken;
			}

			@Override
			public String toString() {
				return "GrantexScimConnectionDetails[" + ScimBaseUrl.describe(baseUrl) + "]";
			}

		};
	}

}
