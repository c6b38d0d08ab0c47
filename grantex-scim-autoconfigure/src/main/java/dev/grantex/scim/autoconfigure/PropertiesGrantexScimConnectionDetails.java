package dev.grantex.scim.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.ScimBaseUrl;

/**
 * {@link GrantexScimConnectionDetails} from {@code grantex.*}.
 */
final class PropertiesGrantexScimConnectionDetails implements GrantexScimConnectionDetails {

	private final URI baseUrl;

	private final @Nullable String apiKey;

	private final @Nullable String scimToken;

	/**
	 * Takes the connection from the properties, which checked each value but those that
	 * still hold an unresolved placeholder, refused here.
	 * @param properties the bound properties
	 * @throws GrantexScimUnresolvedPlaceholderException if a value is a placeholder
	 * nothing resolved
	 */
	PropertiesGrantexScimConnectionDetails(GrantexScimProperties properties) {
		PropertyChecks.placeholders(properties.baseUrl(), "grantex.base-url");
		PropertyChecks.placeholders(properties.apiKey(), "grantex.api-key");
		PropertyChecks.placeholders(properties.scim().token(), "grantex.scim.token");
		this.baseUrl = properties.baseUri();
		this.apiKey = properties.apiKey();
		this.scimToken = properties.scim().token();
	}

	@Override
	public URI baseUrl() {
		return this.baseUrl;
	}

	@Override
	public @Nullable String apiKey() {
		return this.apiKey;
	}

	@Override
	public @Nullable String scimToken() {
		return this.scimToken;
	}

	@Override
	public String toString() {
		return "PropertiesGrantexScimConnectionDetails[" + ScimBaseUrl.describe(this.baseUrl) + "]";
	}

}
