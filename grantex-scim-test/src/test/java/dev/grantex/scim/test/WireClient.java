package dev.grantex.scim.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal HTTP/1.1 client for talking to the fake in tests, pinned to HTTP/1.1 because
 * the JDK client's default (HTTP/2 with a cleartext upgrade) is refused by the real
 * server and the fake.
 */
final class WireClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI baseUrl;

	WireClient(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	Call call(String method, String target) {
		return new Call(method, target);
	}

	Reply get(String target, @Nullable String bearer) {
		Call call = call("GET", target);
		return ((bearer != null) ? call.bearer(bearer) : call).send();
	}

	static Reply send(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers(), response.body(), response.version());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One request under construction. */
	final class Call {

		private final String method;

		private final String target;

		private final List<String> headers = new ArrayList<>();

		private byte @Nullable [] body;

		private Call(String method, String target) {
			this.method = method;
			this.target = target;
		}

		Call header(String name, String value) {
			this.headers.add(name);
			this.headers.add(value);
			return this;
		}

		Call bearer(String credential) {
			return header("Authorization", "Bearer " + credential);
		}

		/** An {@code application/json} body. */
		Call json(String json) {
			return body("application/json", json);
		}

		Call body(String contentType, String text) {
			header("Content-Type", contentType);
			return bytes(text.getBytes(StandardCharsets.UTF_8));
		}

		Call bytes(byte[] bytes) {
			this.body = bytes;
			return this;
		}

		Reply send() {
			return WireClient.send(HTTP, request());
		}

		HttpRequest request() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(WireClient.this.baseUrl + this.target))
				.timeout(Duration.ofSeconds(10))
				.method(this.method, (this.body == null) ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(this.body));
			if (!this.headers.isEmpty()) {
				builder.headers(this.headers.toArray(String[]::new));
			}
			return builder.build();
		}

	}

	/** A received response. */
	record Reply(int status, HttpHeaders headers, byte[] bodyBytes, HttpClient.Version version) {

		String body() {
			return new String(this.bodyBytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return JSON.readTree(body());
		}

		@Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers.map() + " " + body();
		}
	}

}
