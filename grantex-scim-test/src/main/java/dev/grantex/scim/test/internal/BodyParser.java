package dev.grantex.scim.test.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The real server's body parsing, which runs before authentication: only
 * {@code application/json} (any parameters) and {@code text/plain} are accepted, 1 MiB at
 * most; GET and HEAD bodies are never read.
 */
final class BodyParser {

	/** The server's body limit: 1 MiB. */
	static final int BODY_LIMIT = 1_048_576;

	private BodyParser() {
	}

	/**
	 * Parses the body or rejects the request.
	 * @param request the request, whose method, content type and framing decide how its
	 * body is read
	 * @return the JSON value, or {@code null} when there is no body or a
	 * {@code text/plain} one (a string, from which no route reads anything)
	 * @throws Rejection 415, 413 or 400 in the Grantex error shape
	 */
	static @Nullable JsonNode parse(WireRequest request) {
		String method = request.method();
		if (method.equals("GET") || method.equals("HEAD")) {
			return null;
		}
		String contentType = request.header("Content-Type");
		if (contentType == null) {
			if (!request.declaresBody()) {
				return null;
			}
			throw unsupportedMediaType();
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		boolean json = mediaType.equals("application/json");
		if (!json && !mediaType.equals("text/plain")) {
			throw unsupportedMediaType();
		}
		if (request.declaredContentLength() > BODY_LIMIT || request.body().length > BODY_LIMIT) {
			throw new Rejection(Bodies.grantexError(413, "Request body is too large", "BAD_REQUEST"));
		}
		if (request.asksForH2cUpgrade() && request.declaresBody()) {
			// Node hands the bytes after an upgrade request's head to the upgrade, not to
			// the body stream, so the server reads an empty body where Content-Length
			// promised more.
			throw new Rejection(
					Bodies.grantexError(400, "Request body size did not match Content-Length", "BAD_REQUEST"));
		}
		if (!json) {
			return null;
		}
		if (request.body().length == 0) {
			throw new Rejection(Bodies.grantexError(400,
					"Body cannot be empty when content-type is set to 'application/json'", "BAD_REQUEST"));
		}
		try {
			return JsonSupport.parse(new String(request.body(), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw new Rejection(Bodies.grantexError(400,
					"Body is not valid JSON but content-type is set to 'application/json'", "BAD_REQUEST"));
		}
	}

	private static Rejection unsupportedMediaType() {
		return new Rejection(Bodies.grantexError(415, "Unsupported Media Type", "BAD_REQUEST"));
	}

}
