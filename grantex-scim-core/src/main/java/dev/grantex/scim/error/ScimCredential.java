package dev.grantex.scim.error;

/**
 * The two credentials Grantex uses, and where a user of this library supplies each.
 */
public enum ScimCredential {

	/**
	 * The developer API key ({@code gx_live_…} or {@code gx_test_…}), accepted only on
	 * {@code /v1/scim/tokens}.
	 */
	API_KEY("developer API key", "grantex.api-key", "ScimClient.builder().apiKey(...)"),

	/**
	 * A SCIM token (64 hex characters, from {@code createToken}), accepted only on
	 * {@code /scim/v2}.
	 */
	SCIM_TOKEN("SCIM token", "grantex.scim.token", "ScimClient.builder().scimToken(...)");

	private final String displayName;

	private final String property;

	private final String builderMethod;

	ScimCredential(String displayName, String property, String builderMethod) {
		this.displayName = displayName;
		this.property = property;
		this.builderMethod = builderMethod;
	}

	/**
	 * How messages name this credential.
	 * @return e.g. {@code SCIM token}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * The Spring Boot property that supplies it.
	 * @return e.g. {@code grantex.scim.token}
	 */
	public String property() {
		return this.property;
	}

	/**
	 * The builder call that supplies it without Spring Boot.
	 * @return e.g. {@code ScimClient.builder().scimToken(...)}
	 */
	public String builderMethod() {
		return this.builderMethod;
	}

	/**
	 * A hint on how to set this credential.
	 * @return e.g.
	 * {@code set grantex.scim.token (Spring Boot) or call ScimClient.builder().scimToken(...)}
	 */
	public String howToSet() {
		return "set " + this.property + " (Spring Boot) or call " + this.builderMethod;
	}

}
