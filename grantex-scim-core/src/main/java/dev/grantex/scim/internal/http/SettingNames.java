package dev.grantex.scim.internal.http;

/**
 * How messages name the settings a user changes to fix a failure: by default the builder
 * calls; the Spring Boot starter names its properties instead.
 *
 * @param baseUrl the setting of the base URL, e.g. {@code grantex.base-url}
 * @param apiKey the setting of the developer API key
 * @param scimToken the setting of the SCIM token
 */
public record SettingNames(String baseUrl, String apiKey, String scimToken) {

	/** The builder calls, for a client built without Spring Boot. */
	public static final SettingNames BUILDER = new SettingNames("ScimClient.Builder.baseUrl(...)",
			"ScimClient.Builder.apiKey(...)", "ScimClient.Builder.scimToken(...)");

}
