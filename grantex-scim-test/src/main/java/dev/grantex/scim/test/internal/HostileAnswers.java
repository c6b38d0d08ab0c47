package dev.grantex.scim.test.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers of a hostile server, which the real Grantex never gives but a client must
 * survive when something between it and Grantex (a proxy, an attacker on a cleartext
 * path, a broken deployment) sends them: error bodies that echo the request's credential,
 * control characters in an error code, gzip bodies that inflate a thousandfold, and list
 * pages that repeat, never end or hold more than was asked for.
 */
final class HostileAnswers {

	/**
	 * The {@code code} of {@link #forgedCode(int)}: a line break that starts a forged log
	 * line, then NUL, BEL, an ANSI escape, DEL, NEL and the two Unicode line separators.
	 */
	static final String FORGED_CODE = "BAD_REQUEST\r\n2026-01-01T00:00:00.000Z  INFO 1 --- [main] "
			+ "dev.grantex.scim: credential accepted for admin\u0000\u0007\u001b[2J\u007f\u0085\u2028\u2029";

	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(301, "Moved Permanently"),
			Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(307, "Temporary Redirect"),
			Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
			Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
			Map.entry(408, "Request Timeout"), Map.entry(413, "Request Entity Too Large"),
			Map.entry(414, "Request-URI Too Large"), Map.entry(429, "Too Many Requests"),
			Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
			Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
			Map.entry(504, "Gateway Timeout"));

	private static final int DEFAULT_COUNT = 100;

	private static final int MAX_COUNT = 200;

	private HostileAnswers() {
	}

	/**
	 * A small nginx-style HTML page naming the status, as a reverse proxy sends it.
	 * @param status the status code
	 * @return the page
	 */
	static String proxyPage(int status) {
		String title = status + " " + REASONS.getOrDefault(status, "Error");
		return "<html>\r\n" + "<head><title>" + title + "</title></head>\r\n" + "<body>\r\n" + "<center><h1>" + title
				+ "</h1></center>\r\n" + "<hr><center>nginx</center>\r\n" + "</body>\r\n" + "</html>\r\n";
	}

	/**
	 * The credential a request carries: what follows {@code Bearer } (any letter case) in
	 * its first {@code Authorization} header, or the header's whole value under another
	 * scheme.
	 * @param request the request
	 * @return the credential, empty when the request has no {@code Authorization} header
	 */
	static String credential(WireRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null) {
			return "";
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return authorization;
	}

	/**
	 * A Grantex-shaped error holding the credential in {@code message} (after
	 * {@code Bearer }), {@code code} and {@code requestId}.
	 * @param status the status code
	 * @param request the request whose credential is echoed
	 * @return the answer
	 */
	static WireResponse grantexEcho(int status, WireRequest request) {
		String secret = credential(request);
		ObjectNode body = JsonSupport.object();
		body.put("message", "Invalid credential: Bearer " + secret);
		body.put("code", secret);
		body.put("requestId", secret);
		return WireResponse.json(status, body).withHeader("cache-control", "no-store");
	}

	/**
	 * A SCIM-shaped error holding the credential in {@code detail} (after
	 * {@code Bearer }) and {@code scimType}.
	 * @param status the status code, also the {@code status} member
	 * @param request the request whose credential is echoed
	 * @return the answer
	 */
	static WireResponse scimEcho(int status, WireRequest request) {
		String secret = credential(request);
		ObjectNode body = JsonSupport.object();
		body.putArray("schemas").add(Bodies.ERROR_SCHEMA);
		body.put("detail", "Invalid credential: Bearer " + secret);
		body.put("scimType", secret);
		body.put("status", status);
		return WireResponse.json(status, body).withHeader("cache-control", "no-store");
	}

	/**
	 * A framework-shaped error holding the credential in {@code message} (after
	 * {@code Bearer }) and {@code error}.
	 * @param status the status code, also the {@code statusCode} member
	 * @param request the request whose credential is echoed
	 * @return the answer
	 */
	static WireResponse frameworkEcho(int status, WireRequest request) {
		String secret = credential(request);
		ObjectNode body = JsonSupport.object();
		body.put("message", "Invalid credential: Bearer " + secret);
		body.put("error", secret);
		body.put("statusCode", status);
		return WireResponse.json(status, body).withHeader("cache-control", "no-store");
	}

	/**
	 * A Grantex-shaped error whose {@code message} is padded so that the credential
	 * begins half its length before {@code index} in the body text: a client that cuts
	 * the body to {@code index} characters before redacting it keeps the first half.
	 * @param status the status code
	 * @param index the character index of the body text the credential straddles
	 * @param request the request whose credential is echoed
	 * @return the answer, about twice as long as {@code index}
	 */
	static WireResponse echoAcross(int status, int index, WireRequest request) {
		String secret = credential(request);
		String head = "{\"message\":\"";
		int start = Math.max(head.length(), index - secret.length() / 2);
		int after = Math.max(16, 2 * index - start - secret.length());
		ObjectNode body = JsonSupport.object();
		body.put("message", ".".repeat(start - head.length()) + secret + ".".repeat(after));
		body.put("code", "BAD_REQUEST");
		body.put("requestId", UUID.randomUUID().toString());
		return WireResponse.json(status, body).withHeader("cache-control", "no-store");
	}

	/**
	 * An HTML page, not JSON, that shows the request's {@code Authorization} header, as a
	 * debugging proxy or a misrouted echo service would.
	 * @param status the status code
	 * @param request the request whose credential is shown
	 * @return the answer
	 */
	static WireResponse textEcho(int status, WireRequest request) {
		String page = "<html>\r\n<head><title>Request received</title></head>\r\n<body>\r\n<pre>" + request.method()
				+ " " + request.rawTarget() + "\r\nAuthorization: Bearer " + credential(request)
				+ "</pre>\r\n</body>\r\n</html>\r\n";
		return WireResponse.text(status, "text/html", page);
	}

	/**
	 * A Grantex-shaped error whose {@code code} is {@link #FORGED_CODE}; JSON escapes the
	 * control characters below U+0020 on the wire, so a client sees them only once it has
	 * parsed the body.
	 * @param status the status code
	 * @return the answer
	 */
	static WireResponse forgedCode(int status) {
		return Bodies.grantexError(status, "Request failed", FORGED_CODE).withHeader("cache-control", "no-store");
	}

	/**
	 * The same page of users whatever {@code startIndex} asks: as many as {@code count}
	 * asks (at most {@code totalResults}), always the same ones.
	 * @param request the list request
	 * @param totalResults the {@code totalResults} announced
	 * @param emailsAsArray how {@code emails} goes on the wire
	 * @return the answer
	 */
	static WireResponse repeatingPage(WireRequest request, long totalResults, boolean emailsAsArray) {
		Paging paging = Paging.of(request);
		int size = (int) Math.min(paging.count(), totalResults);
		return page(paging, totalResults, numberedUsers(0, size, emailsAsArray));
	}

	/**
	 * A page of {@code count} users never seen before (new ids every time), numbered from
	 * {@code startIndex}.
	 * @param request the list request
	 * @param totalResults the {@code totalResults} announced, or -1 for always one page
	 * more than this one reaches
	 * @param emailsAsArray how {@code emails} goes on the wire
	 * @return the answer
	 */
	static WireResponse endlessPage(WireRequest request, long totalResults, boolean emailsAsArray) {
		Paging paging = Paging.of(request);
		String timestamp = ScimUserRoutes.timestamp(Instant.now());
		List<String> users = new ArrayList<>(paging.count());
		for (int i = 0; i < paging.count(); i++) {
			users.add(userJson(Ids.scimUserId(), paging.firstNumber() + i, timestamp, emailsAsArray));
		}
		long total = (totalResults >= 0) ? totalResults : paging.firstNumber() - 1 + 2L * paging.count();
		return page(paging, total, users);
	}

	/**
	 * A page of exactly {@code users} users, whatever {@code count} asks; its
	 * {@code totalResults} is that number too.
	 * @param request the list request
	 * @param users the number of users on the page
	 * @param emailsAsArray how {@code emails} goes on the wire
	 * @return the answer
	 */
	static WireResponse largerPage(WireRequest request, int users, boolean emailsAsArray) {
		return page(Paging.of(request), users, numberedUsers(0, users, emailsAsArray));
	}

	private static List<String> numberedUsers(long first, int count, boolean emailsAsArray) {
		long created = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
		String timestamp = ScimUserRoutes.timestamp(Instant.ofEpochMilli(created));
		List<String> users = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			users.add(userJson("scimuser_" + Ids.ulid(created, first + i), first + i + 1, timestamp, emailsAsArray));
		}
		return users;
	}

	private static String userJson(String id, long number, String timestamp, boolean emailsAsArray) {
		String email = "user-" + number + "@example.com";
		String emails = "[{\"value\":\"" + email + "\",\"primary\":true}]";
		StringBuilder json = new StringBuilder(320);
		json.append("{\"schemas\":[\"").append(Bodies.USER_SCHEMA).append("\"],\"id\":\"").append(id);
		json.append("\",\"userName\":\"").append(email).append("\",\"active\":true,\"emails\":");
		if (emailsAsArray) {
			json.append(emails);
		}
		else {
			JsSemantics.appendQuoted(json, emails);
		}
		json.append(",\"meta\":{\"resourceType\":\"User\",\"created\":\"").append(timestamp);
		json.append("\",\"lastModified\":\"").append(timestamp).append("\"}}");
		return json.toString();
	}

	private static WireResponse page(Paging paging, long totalResults, List<String> users) {
		StringBuilder json = new StringBuilder(64 + users.size() * 320);
		json.append("{\"schemas\":[\"").append(Bodies.LIST_SCHEMA).append("\"],\"totalResults\":");
		json.append(totalResults).append(",\"startIndex\":").append(JsSemantics.numberToString(paging.startIndex()));
		json.append(",\"itemsPerPage\":").append(paging.count()).append(",\"Resources\":[");
		json.append(String.join(",", users)).append("]}");
		return WireResponse.text(200, WireResponse.JSON_CONTENT_TYPE, json.toString())
			.withHeader("cache-control", "no-store");
	}

	/**
	 * A list request's {@code startIndex} and {@code count} as the real server reads them
	 * (JavaScript numbers, {@code count} clamped to 1..200, {@code startIndex} at least
	 * 1); values the real server would fail on give the defaults.
	 *
	 * @param startIndex the requested start, echoed as the real server does
	 * @param count the clamped count
	 */
	private record Paging(double startIndex, int count) {

		static Paging of(WireRequest request) {
			Map<String, List<String>> query = UriComponents.queryParameters(request.rawQuery());
			double start = number(query.get("startIndex"), 1);
			double count = number(query.get("count"), DEFAULT_COUNT);
			start = (Double.isFinite(start) && start == Math.rint(start)) ? Math.max(1, start) : 1;
			count = (Double.isFinite(count) && count == Math.rint(count)) ? count : DEFAULT_COUNT;
			return new Paging(start, (int) Math.min(MAX_COUNT, Math.max(1, count)));
		}

		/**
		 * The number of the first user on the page, from 1.
		 * @return the requested start, as a whole number
		 */
		long firstNumber() {
			return (long) Math.min(this.startIndex, Long.MAX_VALUE / 2);
		}

		private static double number(@Nullable List<String> values, double absent) {
			return (values == null || values.size() != 1) ? absent : JsSemantics.toNumber(values.get(0));
		}

	}

	/**
	 * A document compressed with gzip at the best ratio, the first time it is needed and
	 * then kept: a few hundred kilobytes for hundreds of megabytes of JSON, since the
	 * documents repeat one byte or one entry.
	 */
	static final class Compressed {

		private final LargeDocuments.Document document;

		private byte @Nullable [] bytes;

		Compressed(LargeDocuments.Document document) {
			this.document = document;
		}

		synchronized byte[] bytes() {
			byte[] compressed = this.bytes;
			if (compressed == null) {
				compressed = compress(this.document);
				this.bytes = compressed;
			}
			return compressed;
		}

		private static byte[] compress(LargeDocuments.Document document) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[GeneratedBody.PIECE_SIZE];
			try (InputStream in = document.body().get(); OutputStream gzip = new BestGzipOutputStream(out)) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					gzip.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

	/** A gzip stream at the best compression, rather than the default level. */
	private static final class BestGzipOutputStream extends GZIPOutputStream {

		BestGzipOutputStream(OutputStream out) throws IOException {
			super(out, GeneratedBody.PIECE_SIZE);
			this.def.setLevel(Deflater.BEST_COMPRESSION);
		}

	}

}
