package dev.grantex.scim.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.grantex.scim.error.ScimCredential;

/**
 * The operations of the Grantex SCIM API: their HTTP method, URI template, the credential
 * each needs, and a stable low-cardinality name for logs and metrics.
 */
enum ScimOperation {

	TOKENS_CREATE("tokens.create", HttpMethod.POST, "/v1/scim/tokens", ScimCredential.API_KEY),

	TOKENS_LIST("tokens.list", HttpMethod.GET, "/v1/scim/tokens", ScimCredential.API_KEY),

	TOKENS_REVOKE("tokens.revoke", HttpMethod.DELETE, "/v1/scim/tokens/{id}", ScimCredential.API_KEY),

	USERS_LIST("users.list", HttpMethod.GET, "/scim/v2/Users", ScimCredential.SCIM_TOKEN),

	USERS_CREATE("users.create", HttpMethod.POST, "/scim/v2/Users", ScimCredential.SCIM_TOKEN),

	USERS_GET("users.get", HttpMethod.GET, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	USERS_REPLACE("users.replace", HttpMethod.PUT, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	USERS_UPDATE("users.update", HttpMethod.PATCH, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	USERS_DELETE("users.delete", HttpMethod.DELETE, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	SERVICE_PROVIDER_CONFIG_GET("service-provider-config.get", HttpMethod.GET, "/scim/v2/ServiceProviderConfig", null);

	private final String metricName;

	private final HttpMethod method;

	private final String uriTemplate;

	private final @Nullable ScimCredential credential;

	ScimOperation(String metricName, HttpMethod method, String uriTemplate, @Nullable ScimCredential credential) {
		this.metricName = metricName;
		this.method = method;
		this.uriTemplate = uriTemplate;
		this.credential = credential;
	}

	/** The stable name used in logs and metrics, e.g. {@code users.get}. */
	String metricName() {
		return this.metricName;
	}

	HttpMethod method() {
		return this.method;
	}

	String uriTemplate() {
		return this.uriTemplate;
	}

	/** The credential the route accepts, or {@code null} for a public route. */
	@Nullable ScimCredential credential() {
		return this.credential;
	}

	/** How messages name the request, e.g. {@code GET /scim/v2/Users/{id}}. */
	String describe() {
		return this.method.name() + " " + this.uriTemplate;
	}

}
