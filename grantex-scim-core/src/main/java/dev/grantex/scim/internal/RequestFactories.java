package dev.grantex.scim.internal;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Chooses the request factory, making sure no request to an {@code http://} base URL asks for a cleartext
 * HTTP/2 upgrade.
 *
 * <p>The JDK {@link HttpClient} defaults to HTTP/2 and, over {@code http://}, sends
 * {@code Upgrade: h2c}; Grantex refuses every such request (400 "Invalid Upgrade header", 405 on DELETE).
 * Spring's {@link JdkClientHttpRequestFactory}, and Spring Boot's default factory built on it, inherit that.
 * The other factories (Apache HttpClient, Jetty, Reactor Netty, {@code HttpURLConnection}) speak HTTP/1.1 in
 * clear text and are used as given. Over {@code https://}, HTTP/2 is negotiated by ALPN and works.
 */
final class RequestFactories {

	private static final Log logger = LogFactory.getLog(RequestFactories.class);

	/**
	 * Writes request bodies for the JDK factories made here. Without an executor, Spring's factory starts a new thread
	 * for every request with a body (a {@code SimpleAsyncTaskExecutor}); these threads are reused, and end after a
	 * minute idle.
	 */
	private static final ExecutorService BODY_WRITERS = Executors.newCachedThreadPool(new BodyWriterThreads());

	private RequestFactories() {
	}

	static ClientHttpRequestFactory resolve(URI baseUrl, @Nullable ClientHttpRequestFactory given,
			Duration connectTimeout, Duration readTimeout) {
		boolean cleartext = "http".equalsIgnoreCase(baseUrl.getScheme());
		if (given == null) {
			return jdk(cleartext ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2, connectTimeout,
					readTimeout);
		}
		if (cleartext && given instanceof JdkClientHttpRequestFactory jdk) {
			return http11(jdk, connectTimeout, readTimeout);
		}
		return given;
	}

	private static JdkClientHttpRequestFactory jdk(HttpClient.Version version, Duration connectTimeout,
			Duration readTimeout) {
		HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(connectTimeout).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client, BODY_WRITERS);
		factory.setReadTimeout(readTimeout);
		return factory;
	}

	/**
	 * Returns a JDK factory with the same settings that speaks HTTP/1.1. Spring's factory does not expose its
	 * client, so it is read reflectively; if that ever fails, a new HTTP/1.1 client with the builder's
	 * timeouts is used instead, and a warning says which settings were not carried over.
	 */
	private static ClientHttpRequestFactory http11(JdkClientHttpRequestFactory given, Duration connectTimeout,
			Duration readTimeout) {
		HttpClient client;
		Duration givenReadTimeout;
		boolean compression;
		try {
			client = (HttpClient) field("httpClient").get(given);
			givenReadTimeout = (Duration) field("readTimeout").get(given);
			compression = field("compression").getBoolean(given);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("Could not read the settings of the given JdkClientHttpRequestFactory (" + ex
					+ "); Grantex refuses the cleartext HTTP/2 upgrade it would attempt, so a new HTTP/1.1 JDK "
					+ "client with the configured timeouts is used instead, without the given factory's proxy, "
					+ "authenticator or executor.");
			return jdk(HttpClient.Version.HTTP_1_1, connectTimeout, readTimeout);
		}
		if (client.version() == HttpClient.Version.HTTP_1_1) {
			return given;
		}
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
		HttpClient http11 = builder.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http11,
				http11.executor().orElse(BODY_WRITERS));
		if (givenReadTimeout != null) {
			factory.setReadTimeout(givenReadTimeout);
		}
		factory.enableCompression(compression);
		return factory;
	}

	/** Daemon threads, so that a body writer never keeps the JVM alive. */
	private static final class BodyWriterThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "grantex-scim-body-writer-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

	private static Field field(String name) throws NoSuchFieldException {
		Field field = JdkClientHttpRequestFactory.class.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

}
