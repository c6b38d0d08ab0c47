package dev.grantex.scim.internal;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Chooses the request factory: the JDK {@link HttpClient} sent from the calling thread
 * ({@link JdkSendRequestFactory}) unless another kind of factory is given, and never a
 * request to an {@code http://} base URL that asks for a cleartext HTTP/2 upgrade.
 *
 * <p>
 * The JDK {@link HttpClient} defaults to HTTP/2 and, over {@code http://}, sends
 * {@code Upgrade: h2c}; Grantex refuses every such request (400 "Invalid Upgrade header",
 * 405 on DELETE). Spring's {@link JdkClientHttpRequestFactory}, and Spring Boot's default
 * factory built on it, inherit that. The other factories (Apache HttpClient, Jetty,
 * Reactor Netty, {@code HttpURLConnection}) speak HTTP/1.1 in clear text and are used as
 * given, except that {@code HttpURLConnection} cannot send {@code PATCH}, nor a
 * {@code DELETE} Grantex accepts: a {@link SimpleClientHttpRequestFactory} sends those
 * through the JDK client instead. Over {@code https://}, HTTP/2 is negotiated by ALPN and
 * works.
 */
final class RequestFactories {

	private static final Log logger = LogFactory.getLog(RequestFactories.class);

	private RequestFactories() {
	}

	static ClientHttpRequestFactory resolve(URI baseUrl, @Nullable ClientHttpRequestFactory given,
			Duration connectTimeout, Duration readTimeout) {
		boolean cleartext = "http".equalsIgnoreCase(baseUrl.getScheme());
		if (given == null) {
			return jdk(cleartext, connectTimeout, readTimeout);
		}
		if (given instanceof JdkClientHttpRequestFactory jdk) {
			return fromSpringJdk(jdk, cleartext, connectTimeout, readTimeout);
		}
		if (given instanceof SimpleClientHttpRequestFactory) {
			return new PatchAndDeleteThroughJdkRequestFactory(given, jdk(cleartext, connectTimeout, readTimeout));
		}
		return given;
	}

	private static JdkSendRequestFactory jdk(boolean cleartext, Duration connectTimeout, Duration readTimeout) {
		HttpClient client = HttpClient.newBuilder()
			.version(cleartext ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
			.connectTimeout(connectTimeout)
			.build();
		return new JdkSendRequestFactory(client, readTimeout, BodyDeadlines.SHARED);
	}

	/**
	 * Sends through the {@link HttpClient} of Spring's JDK factory, with its read
	 * timeout, from the calling thread, rebuilt to speak HTTP/1.1 to an {@code http://}
	 * URL. The factory does not expose its client, so it is read reflectively; if that
	 * ever fails, the given factory is used as it is over {@code https://}, and over
	 * {@code http://} a new HTTP/1.1 client with the builder's timeouts is used instead,
	 * with a warning that says which settings were not carried over. A factory with
	 * compression on, which this transport does not decode, is kept (and only made to
	 * speak HTTP/1.1).
	 */
	private static ClientHttpRequestFactory fromSpringJdk(JdkClientHttpRequestFactory given, boolean cleartext,
			Duration connectTimeout, Duration readTimeout) {
		HttpClient client;
		Duration givenReadTimeout;
		boolean compression;
		try {
			client = (HttpClient) field("httpClient").get(given);
			givenReadTimeout = (Duration) field("readTimeout").get(given);
			compression = field("compression").getBoolean(given);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			if (!cleartext) {
				logger.debug("Could not read the settings of the given JdkClientHttpRequestFactory (" + ex
						+ "); it is used as it is");
				return given;
			}
			logger.warn("Could not read the settings of the given JdkClientHttpRequestFactory (" + ex
					+ "); Grantex refuses the cleartext HTTP/2 upgrade it would attempt, so a new HTTP/1.1 JDK "
					+ "client with the configured timeouts is used instead, without the given factory's proxy, "
					+ "authenticator or SSL settings.");
			return jdk(true, connectTimeout, readTimeout);
		}
		HttpClient chosen = (cleartext && client.version() != HttpClient.Version.HTTP_1_1) ? http11(client) : client;
		if (compression) {
			if (chosen == client) {
				return given;
			}
			JdkClientHttpRequestFactory http11 = new JdkClientHttpRequestFactory(chosen);
			if (givenReadTimeout != null) {
				http11.setReadTimeout(givenReadTimeout);
			}
			http11.enableCompression(true);
			return http11;
		}
		return new JdkSendRequestFactory(chosen, givenReadTimeout, BodyDeadlines.SHARED);
	}

	/** A client with the same settings that speaks HTTP/1.1. */
	private static HttpClient http11(HttpClient client) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(client.followRedirects())
			.sslContext(client.sslContext())
			.sslParameters(client.sslParameters());
		client.connectTimeout().ifPresent(builder::connectTimeout);
		client.proxy().ifPresent(builder::proxy);
		client.authenticator().ifPresent(builder::authenticator);
		client.cookieHandler().ifPresent(builder::cookieHandler);
		client.executor().ifPresent(builder::executor);
		return builder.build();
	}

	private static Field field(String name) throws NoSuchFieldException {
		Field field = JdkClientHttpRequestFactory.class.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

}
