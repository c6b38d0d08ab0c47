package dev.grantex.scim.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * How the client sets up Apache HttpClient 5, its default transport: the one place that
 * says it, used by {@code ScimClient.builder()} and by the Spring Boot starter alike.
 *
 * <p>
 * Redirects are never followed (Grantex's API never redirects, and following one could
 * send the credential elsewhere); HttpClient's own retries are off (the client's retry
 * policy alone decides what may be sent again); answers are not compressed (Grantex's are
 * small, and decompressing costs more than it saves); the pool holds as many connections
 * as threads may share the client; and a connection idle for a second is checked before
 * reuse, so that one the server closed is not used.
 */
public final class ScimApacheHttpClient {

	private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

	private ScimApacheHttpClient() {
	}

	/**
	 * A request factory on a new HttpClient set up for Grantex.
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for each read of an answer
	 * @param maxConnections the most connections to Grantex at once
	 * @return the factory; destroying it closes the HttpClient
	 */
	public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
			int maxConnections) {
		ConnectionConfig.Builder connection = ConnectionConfig.custom()
			.setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.setSocketTimeout((int) Math.min(readTimeout.toMillis(), Integer.MAX_VALUE), TimeUnit.MILLISECONDS);
		PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
			.useSystemProperties()
			.setDefaultConnectionConfig(configure(connection).build());
		HttpClientBuilder client = HttpClients.custom()
			.useSystemProperties()
			.setConnectionManager(configure(pool, maxConnections).build());
		return new HttpComponentsClientHttpRequestFactory(configure(client).build());
	}

	/**
	 * Sets up a client builder for Grantex: no redirects, no automatic retries, no
	 * compression.
	 * @param builder the builder
	 * @return the builder
	 */
	public static HttpClientBuilder configure(HttpClientBuilder builder) {
		return builder.disableRedirectHandling().disableAutomaticRetries().disableContentCompression();
	}

	/**
	 * Sets up a connection pool for Grantex: {@code maxConnections} in all, all of them
	 * to the one route there is.
	 * @param builder the builder
	 * @param maxConnections the most connections at once
	 * @return the builder
	 */
	public static PoolingHttpClientConnectionManagerBuilder configure(PoolingHttpClientConnectionManagerBuilder builder,
			int maxConnections) {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
		}
		return builder.setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections);
	}

	/**
	 * Sets up the connections for Grantex: one idle for a second is checked before reuse.
	 * @param builder the builder
	 * @return the builder
	 */
	public static ConnectionConfig.Builder configure(ConnectionConfig.Builder builder) {
		return builder.setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY);
	}

}
