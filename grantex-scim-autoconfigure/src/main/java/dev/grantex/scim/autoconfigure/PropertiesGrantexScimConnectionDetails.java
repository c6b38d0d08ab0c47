package dev.grantex.scim.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * {@link GrantexScimConnectionDetails} from {@code grantex.*}.
 */
final class PropertiesGrantexScimConnectionDetails implements GrantexScimConnectionDetails {

	private final GrantexScimProperties properties;

	PropertiesGrantexScimConnectionDetails(GrantexScimProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI baseUrl() {
		return this.properties.baseUri();
	}

	@Override
	public @Nullable String apiKey() {
		return this.properties.apiKey();
	}

	@Override
	public @Nullable String scimToken() {
		return this.properties.scim().token();
	}

}
