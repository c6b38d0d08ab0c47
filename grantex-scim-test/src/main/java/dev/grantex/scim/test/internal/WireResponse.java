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

	/**
	 * A response header; names are written as given (the JDK server normalises their
	 * letter case).
	 */
	record Header(String name, String value) {
	}

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
	 */
	static WireResponse json(int status, JsonNode body) {
		return new WireResponse(status, List.of(new Header("content-type", JSON_CONTENT_TYPE)),
				JsSemantics.stringify(body).getBytes(StandardCharsets.UTF_8));
	}

	/** A plain-text response. */
	static WireResponse text(int status, String contentType, String body) {
		return new WireResponse(status, List.of(new Header("content-type", contentType)),
				body.getBytes(StandardCharsets.UTF_8));
	}

	/** A response with exactly these headers and body. */
	static WireResponse of(int status, List<Header> headers, byte[] body) {
		return new WireResponse(status, headers, body.clone());
	}

	/** A 204 No Content: no body and no content type, as the real server sends it. */
	static WireResponse noContent() {
		return new WireResponse(204, List.of(), new byte[0]);
	}

	int status() {
		return status;
	}

	List<Header> headers() {
		return headers;
	}

	byte[] body() {
		return body;
	}

	/** A copy with the given headers placed before the existing ones. */
	WireResponse withLeadingHeaders(List<Header> leading) {
		if (leading.isEmpty()) {
			return this;
		}
		List<Header> all = new ArrayList<>(leading);
		all.addAll(headers);
		return new WireResponse(status, all, body);
	}

	/**
	 * A copy in which this header replaces every header of its name (in any letter case),
	 * at the end.
	 */
	WireResponse withHeaderReplaced(String name, String value) {
		List<Header> all = new ArrayList<>(headers.size() + 1);
		for (Header header : headers) {
			if (!header.name().equalsIgnoreCase(name)) {
				all.add(header);
			}
		}
		all.add(new Header(name, value));
		return new WireResponse(status, all, body);
	}

	/** A copy with one more header at the end. */
	WireResponse withHeader(String name, String value) {
		List<Header> all = new ArrayList<>(headers);
		all.add(new Header(name, value));
		return new WireResponse(status, all, body);
	}

}
