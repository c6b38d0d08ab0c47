package dev.grantex.scim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.CollectionUtils;

/** The answer to a {@link JdkSendRequest}. */
final class JdkSendResponse implements ClientHttpResponse {

	/**
	 * Beyond this, what is left is not worth the wait: the connection is given up
	 * instead.
	 */
	private static final int MAX_DRAINED_BYTES = 64 * 1024;

	private final HttpResponse<InputStream> response;

	private final InputStream body;

	private @Nullable HttpHeaders headers;

	JdkSendResponse(HttpResponse<InputStream> response, InputStream body) {
		this.response = response;
		this.body = body;
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatusCode.valueOf(this.response.statusCode());
	}

	@Override
	public String getStatusText() {
		HttpStatus status = HttpStatus.resolve(this.response.statusCode());
		return (status != null) ? status.getReasonPhrase() : "";
	}

	/**
	 * The JDK client's headers, whose names it already compares without regard to case,
	 * seen through Spring's type.
	 */
	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = this.headers;
		if (headers == null) {
			headers = new HttpHeaders(CollectionUtils.toMultiValueMap(this.response.headers().map()));
			this.headers = headers;
		}
		return headers;
	}

	@Override
	public InputStream getBody() {
		return this.body;
	}

	/**
	 * Reads what is left of the body, up to {@link #MAX_DRAINED_BYTES}, then closes it. A
	 * body closed before its end makes the JDK client cancel the exchange and discard the
	 * connection; a JSON reader stops at the last brace, often before the end of the
	 * stream is seen, and would cost a new connection per request.
	 */
	@Override
	public void close() {
		try (InputStream body = this.body) {
			byte[] buffer = new byte[512];
			long drained = 0;
			int read;
			while (drained <= MAX_DRAINED_BYTES && (read = body.read(buffer)) >= 0) {
				drained += read;
			}
		}
		catch (IOException ex) {
			// nothing to recover: the JDK client discards the connection
		}
	}

}
