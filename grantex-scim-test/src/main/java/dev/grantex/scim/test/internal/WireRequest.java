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
 * @param sequence the arrival number, which orders the journal
 * @param receivedAt when the fake started handling the request
 * @param method the method as received
 * @param rawPath the path as received, percent-encoding intact
 * @param rawQuery the query as received, or {@code null} when there was none
 * @param headers case-insensitive, values as the JDK server delivered them (surrounding
 * whitespace already stripped, as Node's parser does)
 * @param body the body bytes, empty when there was none
 * @param remoteAddress the client's IP address, which the per-IP limiter counts
 */
record WireRequest(long sequence, Instant receivedAt, String method, String rawPath, @Nullable String rawQuery,
		Map<String, List<String>> headers, byte[] body, String remoteAddress) {

	@Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The target as Node reports {@code request.url}: raw path plus raw query. */
	String rawTarget() {
		return (this.rawQuery == null) ? this.rawPath : this.rawPath + "?" + this.rawQuery;
	}

	/**
	 * Whether the client asked to upgrade this cleartext connection to HTTP/2
	 * ({@code Upgrade: h2c}).
	 */
	boolean asksForH2cUpgrade() {
		List<String> values = this.headers.get("Upgrade");
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
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Whether the request carries a body by its framing, as Node decides before reading
	 * it.
	 */
	boolean declaresBody() {
		return this.body.length > 0 || declaredContentLength() > 0 || header("Transfer-Encoding") != null;
	}
}
