package dev.grantex.scim.http;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * How the client sets up the JDK's {@link HttpClient}, its transport when Apache
 * HttpClient 5 is not on the class path: the one place that says it, used by
 * {@code ScimClient.builder()} and by the Spring Boot starter alike.
 *
 * <p>
 * It speaks HTTP/1.1, as Grantex does and as the Apache transport does: over
 * {@code http://} the JDK client would otherwise ask to upgrade to HTTP/2, which Grantex
 * refuses (400 "Invalid Upgrade header"), and one version whatever the scheme keeps one
 * client for every Grantex a builder may be pointed at. Redirects are never followed, and
 * answers are not compressed. The read timeout is Spring's, which covers the whole
 * answer, its body included.
 */
public final class ScimJdkHttpClient {

	private ScimJdkHttpClient() {
	}

	/**
	 * A request factory on a new JDK client set up for Grantex.
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long the whole answer may take
	 * @return the factory; destroying it closes the client where the JDK can (Java 21+)
	 */
	public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		HttpClient client = configure(HttpClient.newBuilder().connectTimeout(connectTimeout)).build();
		JdkClientHttpRequestFactory factory = new ClosingJdkRequestFactory(client);
		factory.setReadTimeout(readTimeout);
		return configure(factory);
	}

	/**
	 * Sets up a client builder for Grantex: HTTP/1.1, no redirects.
	 * @param builder the builder
	 * @return the builder
	 */
	public static HttpClient.Builder configure(HttpClient.Builder builder) {
		return builder.version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
	}

	/**
	 * Sets up Spring's factory for Grantex: no compression.
	 * @param factory the factory
	 * @return the factory
	 */
	public static JdkClientHttpRequestFactory configure(JdkClientHttpRequestFactory factory) {
		factory.enableCompression(false);
		return factory;
	}

	/** Spring's factory, closing the client it was made for. */
	private static final class ClosingJdkRequestFactory extends JdkClientHttpRequestFactory implements DisposableBean {

		private final HttpClient client;

		ClosingJdkRequestFactory(HttpClient client) {
			super(client);
			this.client = client;
		}

		@Override
		public void destroy() throws Exception {
			// HttpClient is AutoCloseable from Java 21 on
			if (this.client instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}

	}

}
