package dev.grantex.scim.test;

/**
 * A developer of the fake with one SCIM token: the two credentials a test usually needs.
 */
record Tenant(String apiKey, String scimToken) {

	static Tenant register(FakeGrantexServer grantex) {
		String apiKey = grantex.createDeveloper();
		return new Tenant(apiKey, grantex.createScimToken(apiKey, "test"));
	}
}
