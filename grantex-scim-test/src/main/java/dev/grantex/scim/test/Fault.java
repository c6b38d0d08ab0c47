package dev.grantex.scim.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.internal.ScriptedFault;

/**
 * What goes wrong with one request, scripted with
 * {@link FaultScript#enqueue(FaultTarget, Fault...)}: the failures a client meets in
 * production (a rate limit, an outage, a proxy's error page, a slow answer, a connection
 * that dies before or after the server did the work, an answer cut short) on the request
 * a test chooses, so retry and error handling can be tested deterministically rather than
 * hoped for. Immutable; one instance may be enqueued any number of times.
 *
 * <p>
 * Two families. Faults that answer <em>instead of</em> the server ({@link #status},
 * {@link #rateLimited}, {@link #serverError}, {@link #html},
 * {@link #dropBeforeProcessing()}) leave the request unprocessed: nothing is stored, and
 * the fake's own rate limiters do not count it. Faults that <em>process</em> the request
 * ({@link #delayThenProcess}, {@link #processThenDelay}, {@link #processThenDrop()},
 * {@link #truncatedBody()}, {@link #stalledBody}) run it through the server exactly as
 * without a fault, so its effect (a created user, a revoked token) is real even when the
 * client never learns of it: the ambiguous failures a client must not turn into a
 * duplicate or a false error.
 *
 * <p>
 * A note on the JDK {@code HttpClient} (and Spring's {@code JdkClientHttpRequestFactory},
 * built on it): when a connection closes before any byte of the answer arrived, it
 * silently sends a {@code GET} or {@code HEAD} again, once, on a new connection (other
 * methods only with the system property {@code jdk.httpclient.enableAllMethodRetry}). So
 * a {@link #dropBeforeProcessing()} or {@link #processThenDrop()} on a {@code GET} is
 * invisible to the calling code unless the next attempt fails too;
 * {@link FakeGrantexServer#requests()} shows both attempts.
 */
public final class Fault {

	private final ScriptedFault scripted;

	private Fault(ScriptedFault scripted) {
		this.scripted = scripted;
	}

	/**
	 * Answers with this status, content type and body instead of the server; the request
	 * is not processed. For any failure this class has no shortcut for, such as a 429
	 * whose {@code retry-after} is an HTTP date:
	 * {@code status(429, ...).withHeader("retry-after", date)}. Nothing else is added: no
	 * {@code cache-control}, no rate-limit headers.
	 * @param status the status code, 200 to 599
	 * @param contentType the {@code content-type} header, or {@code null} to send none
	 * @param body the body, sent as UTF-8; must be empty for 204 and 304
	 * @return the fault
	 * @throws IllegalArgumentException for a status out of range, a body on 204 or 304,
	 * or a content type that is not a valid header value
	 */
	public static Fault status(int status, @Nullable String contentType, String body) {
		if (status < 200 || status > 599) {
			throw new IllegalArgumentException("status must be between 200 and 599: " + status);
		}
		Objects.requireNonNull(body, "body");
		if ((status == 204 || status == 304) && !body.isEmpty()) {
			throw new IllegalArgumentException("A " + status + " answer has no body");
		}
		if (contentType != null) {
			checkHeaderValue("content-type", contentType);
		}
		return new Fault(ScriptedFault.status(status, contentType, body));
	}

	/**
	 * A copy of this fault that also sends a response header, replacing any header of
	 * that name the answer would carry anyway. For answers the real server cannot produce
	 * but a client must read, such as {@code retry-after} as an HTTP date or {@code 0}.
	 * Usable on every fault that answers, including the processing ones (the header is
	 * added to the server's answer), not on the two that drop the connection.
	 * @param name the header name, an HTTP token, e.g. {@code retry-after}
	 * @param value the value, without line breaks
	 * @return the copy
	 * @throws IllegalArgumentException for an invalid name or value
	 * @throws IllegalStateException on {@link #dropBeforeProcessing()} and
	 * {@link #processThenDrop()}, which send no response
	 */
	public Fault withHeader(String name, String value) {
		if (name.isEmpty() || !name.chars().allMatch(Fault::isTokenChar)) {
			throw new IllegalArgumentException("Not a valid header name: '" + name + "'");
		}
		checkHeaderValue(name, value);
		return new Fault(this.scripted.withHeader(name, value));
	}

	/**
	 * Answers exactly like the real server's per-IP limiter when the limit is exceeded,
	 * instead of the server; the request is not processed (a rejected POST creates
	 * nothing). Status 429, headers {@code x-ratelimit-limit} (the fake's per-IP limit,
	 * 5,000 unless {@link FakeGrantexServer#ipRateLimit} changed it),
	 * {@code x-ratelimit-remaining: 0}, {@code x-ratelimit-reset: N},
	 * {@code retry-after: N}, and the Grantex-shaped body {@code {"message":"Rate limit
	 * exceeded, retry in N seconds","code":"BAD_REQUEST","requestId":"<uuid>"}} (the
	 * message in the limiter's own words: "1 second", "1 minute" …).
	 * @param retryAfter the wait to announce; rounded up to whole seconds, and at least
	 * one second, as the real limiter never announces less (for {@code retry-after: 0}
	 * use {@code withHeader("retry-after", "0")})
	 * @return the fault
	 * @throws IllegalArgumentException for a negative duration
	 */
	public static Fault rateLimited(Duration retryAfter) {
		requireNotNegative(retryAfter, "retryAfter");
		long seconds = Math.max(1, retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0));
		return new Fault(ScriptedFault.rateLimited(seconds));
	}

	/**
	 * A server-side failure as it reaches a client, instead of the server; the request is
	 * not processed. 500: the real server's uncaught-error answer {@code {"message":"An
	 * unexpected error occurred","code":"INTERNAL_ERROR","requestId":"<uuid>"}}; 503: its
	 * answer when the rate-limit store cannot be read, {@code {"message":"Authenticated
	 * rate limiting is temporarily
	 * unavailable","code":"RATE_LIMIT_UNAVAILABLE","requestId":"<uuid>"}} (both
	 * {@code application/json; charset=utf-8} with {@code cache-control: no-store},
	 * without rate-limit headers); 502 and 504: a reverse proxy's HTML page
	 * ({@code text/html}), as when the server is down or too slow behind one.
	 * @param status 500, 502, 503 or 504
	 * @return the fault
	 * @throws IllegalArgumentException for any other status
	 */
	public static Fault serverError(int status) {
		if (status != 500 && status != 502 && status != 503 && status != 504) {
			throw new IllegalArgumentException("serverError takes 500, 502, 503 or 504: " + status);
		}
		return new Fault(ScriptedFault.serverError(status));
	}

	/**
	 * A reverse proxy's HTML error page ({@code text/html}, a small nginx-style page
	 * naming the status) instead of the server; the request is not processed. For
	 * checking that a client reports a body that is not JSON clearly instead of failing
	 * to parse it.
	 * @param status a 4xx or 5xx status
	 * @return the fault
	 * @throws IllegalArgumentException for a status outside 400 to 599
	 */
	public static Fault html(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("html takes a 4xx or 5xx status: " + status);
		}
		return new Fault(ScriptedFault.html(status));
	}

	/**
	 * Waits, then processes the request and answers normally. A delay longer than the
	 * client's read timeout makes an ambiguous failure: the client gives up (the JDK
	 * client with an {@code HttpTimeoutException}), and the server still does the work
	 * when the delay ends. The request is recorded on arrival with status {@code 0},
	 * which becomes the real status when it is processed; the work happens after the
	 * delay, so a test asserting on stored state must wait for it (see
	 * {@link #processThenDelay} for the work done at once). The wait holds no server
	 * thread, so other requests are served meanwhile.
	 * @param delay the wait, zero or more
	 * @return the fault
	 * @throws IllegalArgumentException for a negative delay
	 */
	public static Fault delayThenProcess(Duration delay) {
		requireNotNegative(delay, "delay");
		return new Fault(ScriptedFault.delayThenProcess(delay));
	}

	/**
	 * Processes the request at once, then waits before answering normally: the same
	 * ambiguous failure as {@link #delayThenProcess} when the delay exceeds the client's
	 * read timeout, but with the work already done (and recorded with its status) when
	 * the client gives up, so a test can assert on it without waiting. The wait holds no
	 * server thread.
	 * @param delay the wait, zero or more
	 * @return the fault
	 * @throws IllegalArgumentException for a negative delay
	 */
	public static Fault processThenDelay(Duration delay) {
		requireNotNegative(delay, "delay");
		return new Fault(ScriptedFault.processThenDelay(delay));
	}

	/**
	 * Reads the request, then closes the connection without processing or answering it.
	 * The client gets an {@code IOException} before any byte of an answer and cannot know
	 * that nothing happened; recorded with status {@code 0}. See the class description
	 * for the JDK client's silent second attempt on {@code GET} and {@code HEAD}.
	 * @return the fault
	 */
	public static Fault dropBeforeProcessing() {
		return new Fault(ScriptedFault.dropBeforeProcessing());
	}

	/**
	 * Processes the request (a POST creates its user), then closes the connection without
	 * answering: the first response is lost. The client gets an {@code IOException} and
	 * cannot tell this from {@link #dropBeforeProcessing()}; recorded with the status of
	 * the lost answer.
	 * @return the fault
	 */
	public static Fault processThenDrop() {
		return new Fault(ScriptedFault.processThenDrop());
	}

	/**
	 * Processes the request, then sends the status line and headers with the full
	 * {@code content-length}, only the first half of the body, and closes the connection.
	 * The client sees the status and then an {@code IOException} while reading the body.
	 * An answer without a body (a 204, or any answer to {@code HEAD}) cannot be cut
	 * short, so there the connection is closed without an answer, as by
	 * {@link #processThenDrop()}.
	 * @return the fault
	 */
	public static Fault truncatedBody() {
		return new Fault(ScriptedFault.truncatedBody());
	}

	/**
	 * Processes the request, then sends the status line and headers with the full
	 * {@code content-length} and the first half of the body at once, and the second half
	 * only after the stall: an answer whose body stops arriving, as from a server or
	 * proxy that hangs mid-answer. A client whose read timeout covers only the head of an
	 * answer waits out the whole stall. An answer without a body (a 204, or any answer to
	 * {@code HEAD}) is sent whole after the stall instead. The wait holds no server
	 * thread.
	 * @param stall the wait in the middle of the body, zero or more
	 * @return the fault
	 * @throws IllegalArgumentException for a negative stall
	 */
	public static Fault stalledBody(Duration stall) {
		requireNotNegative(stall, "stall");
		return new Fault(ScriptedFault.stalledBody(stall));
	}

	/**
	 * The fault as the dispatcher carries it out.
	 * @return the internal form, shared by every copy of this fault
	 */
	ScriptedFault scripted() {
		return this.scripted;
	}

	/**
	 * What the fault does, as {@link RecordedRequest#fault()} reports it for each request
	 * it was used on.
	 * @return e.g. {@code rateLimited(2s)}, {@code serverError(503)},
	 * {@code status(429) + retry-after: 0}
	 */
	@Override
	public String toString() {
		return this.scripted.description();
	}

	private static void requireNotNegative(Duration duration, String name) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative: " + duration);
		}
	}

	private static void checkHeaderValue(String name, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n' || c == 0 || c > 0xFF) {
				throw new IllegalArgumentException("Not a valid value for the header " + name + ": '" + value + "'");
			}
		}
	}

	/**
	 * Whether a character may appear in a header name.
	 * @param c the character
	 * @return whether it is an RFC 9110 token character
	 */
	private static boolean isTokenChar(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

}
