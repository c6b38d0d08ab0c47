package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties.Factory;

import dev.grantex.scim.ScimBaseUrl;
import dev.grantex.scim.ScimClient;
import dev.grantex.scim.http.ScimLazyRequestFactory;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.retry.ScimRetryListener;

/**
 * Configures {@link ScimClient.Builder}s with everything Spring Boot wires: the
 * connection details, the HTTP client (one, shared by every client built here, created on
 * the first request), the retry and pacing settings, the observation registry and
 * convention, the retry listeners, and every {@link ScimClientBuilderCustomizer}. Clients
 * built from its builders share one rate-limit pacing.
 *
 * <p>
 * The auto-configured {@code ScimClient} and the prototype {@code ScimClient.Builder}
 * bean both come from here; so does a client per Grantex account:
 * {@code builder.scimToken(tenantToken).clientName("acme").build()}.
 */
public final class ScimClientBuilderConfigurer implements DisposableBean {

	private final ScimClient.Builder root;

	private final ScimLazyRequestFactory requestFactory;

	private final List<ScimClientBuilderCustomizer> customizers;

	private final boolean hasCredential;

	ScimClientBuilderConfigurer(GrantexScimConnectionDetails connection, GrantexScimProperties properties,
			Factory factory, HttpClientSettings settings, @Nullable ObservationRegistry observationRegistry,
			@Nullable ScimClientObservationConvention observationConvention, List<ScimRetryListener> retryListeners,
			List<ScimClientBuilderCustomizer> customizers) {
		URI baseUrl = connection.baseUrl();
		Duration connectTimeout = (settings.connectTimeout() != null) ? settings.connectTimeout()
				: ScimClient.DEFAULT_CONNECT_TIMEOUT;
		Duration readTimeout = (settings.readTimeout() != null) ? settings.readTimeout()
				: ScimClient.DEFAULT_READ_TIMEOUT;
		HttpClientSettings timeouts = settings.withTimeouts(connectTimeout, readTimeout);
		int maxConnections = properties.http().maxConnections();
		this.requestFactory = new ScimLazyRequestFactory(
				() -> GrantexScimRequestFactories.create(factory, timeouts, maxConnections));
		this.root = ScimClient.builder();
		settingNames(connection, this.root);
		this.root.baseUrl(baseUrl)
			.apiKey(connection.apiKey())
			.scimToken(connection.scimToken())
			.requestFactory(this.requestFactory)
			.readTimeout(readTimeout)
			.maxResponseSize(properties.maxResponseSize().toBytes())
			.patchValidation(properties.patchValidation())
			.retry(properties.retry().toSettings())
			.rateLimitPacing(properties.rateLimit().pacing())
			.rateLimitReserve(properties.rateLimit().reserve());
		if (observationRegistry != null) {
			this.root.observationRegistry(observationRegistry);
		}
		if (observationConvention != null) {
			this.root.observationConvention(observationConvention);
		}
		retryListeners.forEach(this.root::retryListener);
		this.customizers = List.copyOf(customizers);
		this.hasCredential = connection.apiKey() != null || connection.scimToken() != null;
	}

	/**
	 * A new builder with everything Spring Boot wires, the customizers applied; clients
	 * built from it share the HTTP client and rate-limit pacing of every other built
	 * here.
	 * @return the builder
	 */
	public ScimClient.Builder builder() {
		ScimClient.Builder builder = this.root.clone();
		for (ScimClientBuilderCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

	/**
	 * Whether the connection details hold at least one credential.
	 * @return {@code true} if an API key or a SCIM token is configured
	 */
	boolean hasCredential() {
		return this.hasCredential;
	}

	/**
	 * Closes the shared HTTP client, if it was ever created.
	 */
	@Override
	public void destroy() throws Exception {
		this.requestFactory.destroy();
	}

	private static void settingNames(GrantexScimConnectionDetails connection, ScimClient.Builder builder) {
		if (connection instanceof PropertiesGrantexScimConnectionDetails) {
			builder.settingNames("grantex.base-url", "grantex.api-key (or GRANTEX_API_KEY)",
					"grantex.scim.token (or GRANTEX_SCIM_TOKEN)");
		}
		else {
			Class<?> type = connection.getClass();
			String bean = "the "
					+ (type.isAnonymousClass() ? GrantexScimConnectionDetails.class.getSimpleName() : type.getName())
					+ " bean";
			builder.settingNames(bean + " (baseUrl)", bean + " (apiKey)", bean + " (scimToken)");
			// checked as the properties are, so that a bad value names its source
			ScimBaseUrl.check(connection.baseUrl(), bean + "'s baseUrl()");
			ScimCredential.API_KEY.check(connection.apiKey(), bean + "'s apiKey()");
			ScimCredential.SCIM_TOKEN.check(connection.scimToken(), bean + "'s scimToken()");
		}
	}

}
