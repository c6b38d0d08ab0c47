package dev.grantex.scim.test.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP response the fake will write: status, headers in order, and a body that is
 * either bytes in memory or generated while it is written (for bodies too large to hold,
 * or endless). The body goes out with a {@code content-length}, unless the response is
 * {@linkplain #chunked() chunked} or its length is unknown. Immutable.
 */
final class WireResponse {

	static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

	private final int status;

	private final List<Header> headers;

	private final byte[] body;

	private final @Nullable Supplier<InputStream> generator;

	private final long generatedLength;

	private final boolean chunked;

	private WireResponse(int status, List<Header> headers, byte[] body) {
		this(status, headers, body, null, 0, false);
	}

	private WireResponse(int status, List<Header> headers, byte[] body, @Nullable Supplier<InputStream> generator,
			long generatedLength, boolean chunked) {
		this.status = status;
		this.headers = List.copyOf(headers);
		this.body = body;
		this.generator = generator;
		this.generatedLength = generatedLength;
		this.chunked = chunked;
	}

	/**
	 * A JSON response, serialised exactly as the server's {@code JSON.stringify} would.
	 * @param status the status code
	 * @param body the JSON value
	 * @return the response, {@code application/json; charset=utf-8}
	 */
	static WireResponse json(int status, JsonNode body) {
		return new WireResponse(status, List.of(new Header("content-type", JSON_CONTENT_TYPE)),
				JsSemantics.stringify(body).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A plain-text response.
	 * @param status the status code
	 * @param contentType the content type
	 * @param body the text, sent as UTF-8
	 * @return the response
	 */
	static WireResponse text(int status, String contentType, String body) {
		return new WireResponse(status, List.of(new Header("content-type", contentType)),
				body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A response with exactly these headers and body.
	 * @param status the status code
	 * @param headers the headers, in order
	 * @param body the body bytes, copied
	 * @return the response
	 */
	static WireResponse of(int status, List<Header> headers, byte[] body) {
		return new WireResponse(status, headers, body.clone());
	}

	/**
	 * A response whose body is generated while it is written, never held whole.
	 * @param status the status code
	 * @param headers the headers, in order
	 * @param length the body's length, or -1 when it is unknown or endless (the body then
	 * goes out chunked)
	 * @param body generates the body, a new stream for each answer
	 * @return the response
	 */
	static WireResponse generated(int status, List<Header> headers, long length, Supplier<InputStream> body) {
		return new WireResponse(status, headers, new byte[0], body, length, length < 0);
	}

	/**
	 * A 204 No Content: no body and no content type, as the real server sends it.
	 * @return the response
	 */
	static WireResponse noContent() {
		return new WireResponse(204, List.of(), new byte[0]);
	}

	int status() {
		return this.status;
	}

	List<Header> headers() {
		return this.headers;
	}

	/**
	 * The body held in memory.
	 * @return the bytes; empty for a generated body
	 */
	byte[] body() {
		return this.body;
	}

	/**
	 * Whether the body is generated while it is written rather than held in memory.
	 * @return {@code true} for a generated body
	 */
	boolean isGenerated() {
		return this.generator != null;
	}

	/**
	 * Whether the body goes out with {@code transfer-encoding: chunked} instead of a
	 * {@code content-length}.
	 * @return {@code true} when no length is announced
	 */
	boolean isChunked() {
		return this.chunked;
	}

	/**
	 * The body's length.
	 * @return the number of bytes, or -1 when it is unknown or endless
	 */
	long length() {
		return (this.generator != null) ? this.generatedLength : this.body.length;
	}

	/**
	 * The body as a stream, generated afresh for a generated body.
	 * @return a new stream positioned at the body's first byte
	 */
	InputStream openBody() {
		Supplier<InputStream> source = this.generator;
		return (source != null) ? source.get() : new ByteArrayInputStream(this.body);
	}

	/**
	 * A copy whose body goes out with {@code transfer-encoding: chunked}, announcing no
	 * length.
	 * @return the copy
	 */
	WireResponse chunked() {
		return new WireResponse(this.status, this.headers, this.body, this.generator, this.generatedLength, true);
	}

	/**
	 * A copy with the given headers placed before the existing ones.
	 * @param leading the headers to put first
	 * @return the copy, or this response when there are none
	 */
	WireResponse withLeadingHeaders(List<Header> leading) {
		if (leading.isEmpty()) {
			return this;
		}
		List<Header> all = new ArrayList<>(leading);
		all.addAll(this.headers);
		return new WireResponse(this.status, all, this.body, this.generator, this.generatedLength, this.chunked);
	}

	/**
	 * A copy in which this header replaces every header of its name (in any letter case),
	 * at the end.
	 * @param name the header name
	 * @param value the header value
	 * @return the copy
	 */
	WireResponse withHeaderReplaced(String name, String value) {
		List<Header> all = new ArrayList<>(this.headers.size() + 1);
		for (Header header : this.headers) {
			if (!header.name().equalsIgnoreCase(name)) {
				all.add(header);
			}
		}
		all.add(new Header(name, value));
		return new WireResponse(this.status, all, this.body, this.generator, this.generatedLength, this.chunked);
	}

	/**
	 * A copy with one more header at the end.
	 * @param name the header name
	 * @param value the header value
	 * @return the copy
	 */
	WireResponse withHeader(String name, String value) {
		List<Header> all = new ArrayList<>(this.headers);
		all.add(new Header(name, value));
		return new WireResponse(this.status, all, this.body, this.generator, this.generatedLength, this.chunked);
	}

	/**
	 * A response header; names are written as given (the JDK server normalises their
	 * letter case).
	 *
	 * @param name the name
	 * @param value the value
	 */
	record Header(String name, String value) {
	}

}
