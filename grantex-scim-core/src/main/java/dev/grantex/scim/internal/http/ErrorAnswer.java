package dev.grantex.scim.internal.http;

import java.nio.charset.StandardCharsets;

import dev.grantex.scim.internal.json.ScimJsonReader;

/**
 * The start of an error answer's body, and its members if it is a JSON object.
 *
 * @param bytes the body as read, at most a few kilobytes
 * @param parsed its members; all absent when it is not a JSON object
 */
record ErrorAnswer(byte[] bytes, ScimJsonReader.ErrorBody parsed) {

	private static final ScimJsonReader.ErrorBody NOT_JSON = new ScimJsonReader.ErrorBody(null, null, null, null, null);

	static ErrorAnswer read(byte[] bytes, ScimJsonReader reader) {
		ScimJsonReader.ErrorBody parsed = reader.readErrorBody(bytes);
		return new ErrorAnswer(bytes, (parsed != null) ? parsed : NOT_JSON);
	}

	/** The framework's 404 for a route Grantex does not have. */
	boolean isRouteNotFound() {
		return this.parsed.scimType() == null && this.parsed.message() != null
				&& this.parsed.message().startsWith("Route ");
	}

	/**
	 * Grantex's plain-text refusal of a request that asked to upgrade to HTTP/2 over
	 * cleartext, as the JDK HTTP client does by default.
	 */
	boolean isCleartextUpgradeRefusal() {
		if (this.parsed != NOT_JSON) {
			// a POST with a body: the client always sends the right Content-Length
			return "Request body size did not match Content-Length".equals(this.parsed.message());
		}
		if (this.bytes.length > 64) {
			return false;
		}
		String text = new String(this.bytes, StandardCharsets.UTF_8).trim();
		return text.equals("Invalid Upgrade header") || text.equals("Invalid HTTP method");
	}

}
