package dev.grantex.scim.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Sends each request with {@link HttpClient#send} on the calling thread: the client's
 * default transport.
 *
 * <p>
 * Spring's {@code JdkClientHttpRequestFactory} uses {@code sendAsync}, whose answer the
 * JDK hands to another thread before the caller sees it, schedules a timer per request
 * for its read timeout, and writes each body from yet another thread. Every hand-off
 * between threads costs a wake-up; together they made a call on loopback several times
 * slower than the same request through {@code send} (see {@code docs/benchmarks.md}).
 * Here the body, a few hundred bytes of JSON, is written by the caller, the answer is
 * awaited by the caller, and the read timeout is the JDK's own request timeout for the
 * head and {@link BodyDeadlines} for the body.
 */
final class JdkSendRequestFactory implements ClientHttpRequestFactory {

	private final HttpClient httpClient;

	private final @Nullable Duration readTimeout;

	private final BodyDeadlines deadlines;

	/**
	 * @param httpClient the client to send with
	 * @param readTimeout how long the whole answer may take, from sending to the end of
	 * its body; {@code null} for no limit
	 * @param deadlines what holds bodies to the read timeout
	 */
	JdkSendRequestFactory(HttpClient httpClient, @Nullable Duration readTimeout, BodyDeadlines deadlines) {
		this.httpClient = httpClient;
		this.readTimeout = readTimeout;
		this.deadlines = deadlines;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new JdkSendRequest(this.httpClient, uri, httpMethod, this.readTimeout, this.deadlines);
	}

}
