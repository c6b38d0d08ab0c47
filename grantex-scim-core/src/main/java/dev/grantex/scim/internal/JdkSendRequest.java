package dev.grantex.scim.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractStreamingClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/** One request of {@link JdkSendRequestFactory}. */
final class JdkSendRequest extends AbstractStreamingClientHttpRequest {

	/** Headers the JDK client sets itself and refuses from its caller. */
	private static final Set<String> RESTRICTED_HEADERS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	static {
		RESTRICTED_HEADERS.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
	}

	private final HttpClient httpClient;

	private final URI uri;

	private final HttpMethod method;

	private final @Nullable Duration readTimeout;

	private final BodyDeadlines deadlines;

	JdkSendRequest(HttpClient httpClient, URI uri, HttpMethod method, @Nullable Duration readTimeout,
			BodyDeadlines deadlines) {
		this.httpClient = httpClient;
		this.uri = uri;
		this.method = method;
		this.readTimeout = readTimeout;
		this.deadlines = deadlines;
	}

	@Override
	public HttpMethod getMethod() {
		return this.method;
	}

	@Override
	public URI getURI() {
		return this.uri;
	}

	@Override
	protected ClientHttpResponse executeInternal(HttpHeaders headers, StreamingHttpOutputMessage.@Nullable Body body)
			throws IOException {
		long started = System.nanoTime();
		Duration readTimeout = this.readTimeout;
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri);
		if (readTimeout != null) {
			// the JDK's timeout ends with the head of the answer; BodyDeadlines holds the
			// body to the same deadline
			request.timeout(readTimeout);
		}
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			if (!RESTRICTED_HEADERS.contains(header.getKey())) {
				for (String value : header.getValue()) {
					request.header(header.getKey(), value);
				}
			}
		}
		request.method(this.method.name(), publisher(headers, body));
		HttpResponse<InputStream> response;
		try {
			response = this.httpClient.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException(
					this.method.name() + " " + this.uri + " was interrupted");
			interrupted.initCause(ex);
			throw interrupted;
		}
		InputStream responseBody = (readTimeout != null)
				? this.deadlines.watch(response.body(), started + readTimeout.toNanos(), readTimeout) : response.body();
		return new JdkSendResponse(response, responseBody);
	}

	/**
	 * The body, written here by the calling thread: Grantex's bodies are small, and known
	 * before sending.
	 */
	private static HttpRequest.BodyPublisher publisher(HttpHeaders headers,
			StreamingHttpOutputMessage.@Nullable Body body) throws IOException {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		long length = headers.getContentLength();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(
				(length > 0 && length < Integer.MAX_VALUE) ? (int) length : 256);
		body.writeTo(bytes);
		return HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray());
	}

}
