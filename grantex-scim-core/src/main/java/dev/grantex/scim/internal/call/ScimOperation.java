package dev.grantex.scim.internal.call;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.grantex.scim.model.ScimCredential;

/**
 * The operations of the Grantex SCIM API: their HTTP method, URI template, the credential
 * each needs, the rate limit that counts them, and a stable low-cardinality name for logs
 * and metrics.
 */
public enum ScimOperation {

	/** {@code POST /v1/scim/tokens}. */
	TOKENS_CREATE("tokens.create", HttpMethod.POST, "/v1/scim/tokens", ScimCredential.API_KEY),

	/** {@code GET /v1/scim/tokens}. */
	TOKENS_LIST("tokens.list", HttpMethod.GET, "/v1/scim/tokens", ScimCredential.API_KEY),

	/** {@code DELETE /v1/scim/tokens/{id}}. */
	TOKENS_REVOKE("tokens.revoke", HttpMethod.DELETE, "/v1/scim/tokens/{id}", ScimCredential.API_KEY),

	/** {@code GET /scim/v2/Users}. */
	USERS_LIST("users.list", HttpMethod.GET, "/scim/v2/Users", ScimCredential.SCIM_TOKEN),

	/** {@code POST /scim/v2/Users}. */
	USERS_CREATE("users.create", HttpMethod.POST, "/scim/v2/Users", ScimCredential.SCIM_TOKEN),

	/** {@code GET /scim/v2/Users/{id}}. */
	USERS_GET("users.get", HttpMethod.GET, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	/** {@code PUT /scim/v2/Users/{id}}. */
	USERS_REPLACE("users.replace", HttpMethod.PUT, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	/** {@code PATCH /scim/v2/Users/{id}}. */
	USERS_UPDATE("users.update", HttpMethod.PATCH, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	/** {@code DELETE /scim/v2/Users/{id}}. */
	USERS_DELETE("users.delete", HttpMethod.DELETE, "/scim/v2/Users/{id}", ScimCredential.SCIM_TOKEN),

	/** {@code GET /scim/v2/ServiceProviderConfig}, public. */
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

	/**
	 * The stable name used in logs and metrics.
	 * @return e.g. {@code users.get}
	 */
	public String metricName() {
		return this.metricName;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * The URI template, relative to the base URL.
	 * @return e.g. {@code /scim/v2/Users/{id}}
	 */
	public String uriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * The credential the route accepts.
	 * @return the credential, or {@code null} for a public route
	 */
	public @Nullable ScimCredential credential() {
		return this.credential;
	}

	/**
	 * Whether sending the request twice has the effect of sending it once.
	 * @return {@code true} for {@code GET}, {@code PUT} and {@code DELETE}
	 */
	public boolean idempotent() {
		return this.method == HttpMethod.GET || this.method == HttpMethod.PUT || this.method == HttpMethod.DELETE;
	}

	/**
	 * Which of Grantex's rate limits the answers report: the API-key routes report the
	 * developer's plan limit, every other route the per-IP limit.
	 * @return the limit's scope
	 */
	public RateLimitScope rateLimitScope() {
		return (this.credential == ScimCredential.API_KEY) ? RateLimitScope.DEVELOPER : RateLimitScope.IP;
	}

	/**
	 * How messages name the request.
	 * @return e.g. {@code GET /scim/v2/Users/{id}}
	 */
	public String describe() {
		return this.method.name() + " " + this.uriTemplate;
	}

}
