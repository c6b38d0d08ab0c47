package dev.grantex.scim.test.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One received HTTP request, decoupled from the JDK server so the pipeline can be driven
 * (and, later, faults decided) without an {@code HttpExchange}.
 *
 * @param headers case-insensitive, values as the JDK server delivered them (surrounding
 * whitespace already stripped, as Node's parser does)
 */
record WireRequest(long sequence, Instant receivedAt, String method, String rawPath, @Nullable String rawQuery,
		Map<String, List<String>> headers, byte[] body, String remoteAddress) {

	@Nullable String header(String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	/** The target as Node reports {@code request.url}: raw path plus raw query. */
	String rawTarget() {
		return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
	}

	/**
	 * Whether the client asked to upgrade this cleartext connection to HTTP/2
	 * ({@code Upgrade: h2c}).
	 */
	boolean asksForH2cUpgrade() {
		List<String> values = headers.get("Upgrade");
		if (values == null) {
			return false;
		}
		for (String value : values) {
			for (String token : value.split(",")) {
				if (token.trim().toLowerCase(Locale.ROOT).equals("h2c")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The declared {@code Content-Length}, or -1 when absent or unreadable. */
	long declaredContentLength() {
		String value = header("Content-Length");
		if (value == null) {
			return -1;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	/**
	 * Whether the request carries a body by its framing, as Node decides before reading
	 * it.
	 */
	boolean declaresBody() {
		return body.length > 0 || declaredContentLength() > 0 || header("Transfer-Encoding") != null;
	}
}
