package dev.grantex.scim.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the fake server received, with the status it answered, so a test can
 * assert on what its client really put on the wire (credential, content type, encoded
 * path, retries and their timing) rather than on what the client believes it sent. A
 * request that a scripted {@link Fault} was used on is recorded too, with the fault's
 * description, so a test can count every attempt the server saw, including those whose
 * answer the client never got.
 *
 * @param method the request method as received, e.g. {@code PATCH}
 * @param rawPath the path exactly as received, percent-encoding intact (e.g.
 * {@code /scim/v2/Users/a%2Fb})
 * @param rawQuery the query string exactly as received, without the {@code ?};
 * {@code null} when the request target had none
 * @param headers the request headers; lookups by name are case-insensitive
 * @param body the request body bytes, empty when there was none
 * @param status the status code the fake answered with; under a fault that processed the
 * request but lost or cut short the answer ({@link Fault#processThenDrop()},
 * {@link Fault#truncatedBody()}), the status of that answer; {@code 0} when the request
 * produced no answer at all ({@link Fault#dropBeforeProcessing()}, or a
 * {@link Fault#delayThenProcess(java.time.Duration)} still waiting)
 * @param receivedAt when the fake started handling the request, for asserting on retry
 * back-off
 * @param fault the description of the scripted fault used on this request (e.g.
 * {@code rateLimited(2s)}, {@code processThenDrop}), or {@code null} when the server
 * served it normally
 * @param responseBodyBytes how many bytes of response body the fake wrote for this
 * request: the whole body of an ordinary answer (0 for {@code HEAD}, 204 and answers
 * without a body), what it managed to write of a body the client stopped reading (to
 * within 64 KB), or {@code -1} while the answer is still being sent (a delayed, stalled,
 * generated or trickled answer). Bytes written are bytes handed to the connection, which
 * the client may not have read: the sockets' buffers hold a few megabytes at most
 */
public record RecordedRequest(String method, String rawPath, @Nullable String rawQuery,
		Map<String, List<String>> headers, byte[] body, int status, Instant receivedAt, @Nullable String fault,
		long responseBodyBytes) {

	/**
	 * Copies the mutable inputs, so the record stays a faithful snapshot.
	 * @param method the request method as received
	 * @param rawPath the path exactly as received
	 * @param rawQuery the query string exactly as received, or {@code null}
	 * @param headers the request headers
	 * @param body the request body bytes
	 * @param status the status code the fake answered with
	 * @param receivedAt when the fake started handling the request
	 * @param fault the description of the scripted fault used on this request, or
	 * {@code null}
	 * @param responseBodyBytes the response body bytes the fake wrote, or {@code -1}
	 */
	public RecordedRequest {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(rawPath, "rawPath");
		Objects.requireNonNull(receivedAt, "receivedAt");
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(values));
		copy.replaceAll((name, values) -> List.copyOf(values));
		headers = Collections.unmodifiableMap(copy);
		body = body.clone();
	}

	/**
	 * A request the server served normally, without a scripted fault; the constructor of
	 * the record's first version, kept for source compatibility.
	 * @param method the request method
	 * @param rawPath the raw path
	 * @param rawQuery the raw query, or {@code null}
	 * @param headers the request headers
	 * @param body the request body bytes
	 * @param status the status answered
	 * @param receivedAt when the request was received
	 */
	public RecordedRequest(String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers,
			byte[] body, int status, Instant receivedAt) {
		this(method, rawPath, rawQuery, headers, body, status, receivedAt, null);
	}

	/**
	 * A request without the number of response body bytes (which reads {@code -1}); the
	 * constructor of the record's second version, kept for source compatibility.
	 * @param method the request method
	 * @param rawPath the raw path
	 * @param rawQuery the raw query, or {@code null}
	 * @param headers the request headers
	 * @param body the request body bytes
	 * @param status the status answered
	 * @param receivedAt when the request was received
	 * @param fault the description of the scripted fault used on this request, or
	 * {@code null}
	 */
	public RecordedRequest(String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers,
			byte[] body, int status, Instant receivedAt, @Nullable String fault) {
		this(method, rawPath, rawQuery, headers, body, status, receivedAt, fault, -1);
	}

	/**
	 * Returns a copy of the body bytes.
	 * @return the request body, empty when there was none
	 */
	@Override
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * The body decoded as UTF-8, which is what every JSON request body is.
	 * @return the request body as text, empty when there was none
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The first value of a request header.
	 * @param name the header name, in any letter case
	 * @return the first value, or {@code null} when the request did not carry the header
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * All values of a request header, in the order received.
	 * @param name the header name, in any letter case
	 * @return the values, empty when the request did not carry the header
	 */
	public List<String> headerValues(String name) {
		List<String> values = this.headers.get(name);
		return (values != null) ? values : List.of();
	}

	/**
	 * The request target as sent: the raw path plus {@code ?} and the raw query when
	 * there was one.
	 * @return e.g. {@code /scim/v2/Users?startIndex=1&count=100}
	 */
	public String rawTarget() {
		return (this.rawQuery == null) ? this.rawPath : this.rawPath + "?" + this.rawQuery;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof RecordedRequest that && this.status == that.status && this.method.equals(that.method)
				&& this.rawPath.equals(that.rawPath) && Objects.equals(this.rawQuery, that.rawQuery)
				&& this.headers.equals(that.headers) && Arrays.equals(this.body, that.body)
				&& this.receivedAt.equals(that.receivedAt) && Objects.equals(this.fault, that.fault)
				&& this.responseBodyBytes == that.responseBodyBytes;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.method, this.rawPath, this.rawQuery, this.headers, Arrays.hashCode(this.body),
				this.status, this.receivedAt, this.fault, this.responseBodyBytes);
	}

	@Override
	public String toString() {
		String answer = (this.status == 0) ? "no answer" : Integer.toString(this.status);
		return this.method + " " + rawTarget() + " -> " + answer + " (" + this.body.length + " body bytes)"
				+ ((this.fault == null) ? "" : " [fault: " + this.fault + "]");
	}
}
