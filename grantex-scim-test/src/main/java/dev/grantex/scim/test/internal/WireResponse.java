package dev.grantex.scim.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One HTTP response the fake will write: status, headers in order, body bytes. Immutable.
 */
final class WireResponse {

	static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

	private final int status;

	private final List<Header> headers;

	private final byte[] body;

	private WireResponse(int status, List<Header> headers, byte[] body) {
		this.status = status;
		this.headers = List.copyOf(headers);
		this.body = body;
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

	byte[] body() {
		return this.body;
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
		return new WireResponse(this.status, all, this.body);
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
		return new WireResponse(this.status, all, this.body);
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
		return new WireResponse(this.status, all, this.body);
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
