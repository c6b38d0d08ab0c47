package dev.grantex.scim.test;

import java.net.URI;
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
 * A third family answers instead of the server as no Grantex server ever does, but as
 * something between a client and Grantex may (a proxy, a broken deployment, an attacker
 * on a cleartext path): a {@link #redirect} to another origin, error bodies that echo the
 * request's credential ({@link #credentialEchoed}, {@link #credentialEchoedAcross},
 * {@link #credentialEchoedInText}) or hold control characters
 * ({@link #controlCharactersInCode}), bodies of any size generated while they are written
 * ({@link #largeBody}), gzip bodies that inflate a thousandfold ({@link #inflatingBody}),
 * a body that trickles for ever ({@link #trickle}), and list pages that repeat, never end
 * or hold more than was asked for ({@link #repeatingPage}, {@link #endlessList()},
 * {@link #pageLargerThanCount}). They let a test check that a client hardened against
 * hostile servers does not leak, log-forge, exhaust its memory or loop for ever. The list
 * faults only make sense over many requests: script them with
 * {@link FaultScript#always(FaultTarget, Fault)}.
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
	 * Answers with a redirect instead of the server, as a proxy or load balancer in front
	 * of Grantex might (Grantex itself never redirects): the status, a {@code location}
	 * header, and a small nginx-style HTML page. The request is not processed. With a
	 * {@code location} on another origin, a second {@link FakeGrantexServer} makes a good
	 * target: its {@link FakeGrantexServer#requests()} show whether the client followed
	 * the redirect and whether it took the {@code Authorization} header along (every
	 * request is recorded with its headers, on any path).
	 * @param status 301, 302, 303, 307 or 308
	 * @param location where to, sent as {@link URI#toASCIIString()}; normally absolute
	 * @return the fault
	 * @throws IllegalArgumentException for another status
	 */
	public static Fault redirect(int status, URI location) {
		if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
			throw new IllegalArgumentException("redirect takes 301, 302, 303, 307 or 308: " + status);
		}
		String value = location.toASCIIString();
		checkHeaderValue("location", value);
		return new Fault(ScriptedFault.redirect(status, value));
	}

	/**
	 * Answers with an error whose every text member holds the credential the request
	 * carried, instead of the server; the request is not processed. The credential is
	 * what follows {@code Bearer } (any letter case) in the request's
	 * {@code Authorization} header, or the header's whole value under another scheme, or
	 * nothing when there is none. In the {@link ErrorShape#GRANTEX} shape it is in
	 * {@code message} (as {@code "Invalid credential: Bearer <credential>"}),
	 * {@code code} and {@code requestId}; in the {@link ErrorShape#SCIM} shape in
	 * {@code detail} (the same sentence) and {@code scimType}; in the
	 * {@link ErrorShape#FRAMEWORK} shape in {@code message} (the same sentence) and
	 * {@code error}. For checking that a client redacts its own secrets from every piece
	 * of server text it shows in an exception message or a log.
	 * @param status a 4xx or 5xx status
	 * @param shape the error body's shape
	 * @return the fault
	 * @throws IllegalArgumentException for a status outside 400 to 599
	 */
	public static Fault credentialEchoed(int status, ErrorShape shape) {
		requireErrorStatus(status, "credentialEchoed");
		return new Fault(switch (Objects.requireNonNull(shape, "shape")) {
			case GRANTEX -> ScriptedFault.credentialEchoedAsGrantexError(status);
			case SCIM -> ScriptedFault.credentialEchoedAsScimError(status);
			case FRAMEWORK -> ScriptedFault.credentialEchoedAsFrameworkError(status);
		});
	}

	/**
	 * Answers with a Grantex-shaped error whose long {@code message} holds the request's
	 * credential (see {@link #credentialEchoed}) so that it straddles
	 * {@code characterIndex} of the body text: it starts half its length before that
	 * index. A client that cuts a long body to {@code characterIndex} characters
	 * <em>before</em> redacting would keep a fragment of the secret that no redaction
	 * recognises; so would one that redacts each piece of a body read in pieces of that
	 * size. The body is about twice {@code characterIndex} long. The request is not
	 * processed.
	 * @param status a 4xx or 5xx status
	 * @param characterIndex the index the credential straddles, e.g. {@code 4096}; for a
	 * credential that JSON does not escape (API keys and SCIM tokens never need it)
	 * @return the fault
	 * @throws IllegalArgumentException for a status outside 400 to 599, or an index below
	 * 64 or above 16 MiB
	 */
	public static Fault credentialEchoedAcross(int status, int characterIndex) {
		requireErrorStatus(status, "credentialEchoedAcross");
		if (characterIndex < 64 || characterIndex > ScriptedFault.MAX_ECHO_INDEX) {
			throw new IllegalArgumentException(
					"characterIndex must be between 64 and " + ScriptedFault.MAX_ECHO_INDEX + ": " + characterIndex);
		}
		return new Fault(ScriptedFault.credentialEchoedAcross(status, characterIndex));
	}

	/**
	 * Answers with a body that is not JSON and shows the request's credential: a small
	 * {@code text/html} page listing the request line and
	 * {@code Authorization: Bearer <credential>}, as a debugging proxy or an echo service
	 * behind a wrong base URL sends. With a 2xx status the client meets it where it
	 * expects a resource, and must report the unreadable body without quoting the secret.
	 * The request is not processed.
	 * @param status any status from 200 to 599 but 204 and 304, which have no body
	 * @return the fault
	 * @throws IllegalArgumentException for another status
	 */
	public static Fault credentialEchoedInText(int status) {
		requireStatusWithBody(status);
		return new Fault(ScriptedFault.credentialEchoedInText(status));
	}

	/**
	 * Answers with a Grantex-shaped error whose {@code code} holds a carriage return and
	 * a line feed followed by what looks like a log line of its own, then NUL, BEL, an
	 * ANSI escape sequence ({@code ESC [2J}), DEL, NEL (U+0085) and the Unicode line and
	 * paragraph separators (U+2028, U+2029); {@code message} is plain. JSON escapes the
	 * characters below U+0020, so they appear only once the body is parsed. For checking
	 * that a client does not let a server forge log lines or drive a terminal through an
	 * error code it logs. The request is not processed.
	 * @param status a 4xx or 5xx status
	 * @return the fault
	 * @throws IllegalArgumentException for a status outside 400 to 599
	 */
	public static Fault controlCharactersInCode(int status) {
		requireErrorStatus(status, "controlCharactersInCode");
		return new Fault(ScriptedFault.controlCharactersInCode(status));
	}

	/**
	 * Answers with a valid JSON document of exactly {@code bytes} bytes (see
	 * {@link JsonDocument}), generated while it is written, never held in memory:
	 * {@code largeBody(200, JsonDocument.USER, 60 << 20)} is a User with a 60 MB
	 * {@code userName}, {@code largeBody(500, JsonDocument.GRANTEX_ERROR, 1L << 30)} a 1
	 * GiB error. The answer announces its length in {@code content-length} (see
	 * {@link #chunked()} for none). A client that stops reading and closes the connection
	 * ends the writing quietly; {@link RecordedRequest#responseBodyBytes()} then tells
	 * how much the fake wrote (to within 64 KB, and once the fake has noticed: {@code -1}
	 * until then), for proving that a client did not drain a gigabyte. A client that
	 * stops reading without closing holds one of the fake's worker threads until it does.
	 * The request is not processed.
	 * @param status any status from 200 to 599 but 204 and 304
	 * @param document the document's shape
	 * @param bytes the document's size; at least the size of the document with nothing in
	 * it (a few hundred bytes at most)
	 * @return the fault
	 * @throws IllegalArgumentException for a status without a body, or a size below the
	 * document's minimum
	 */
	public static Fault largeBody(int status, JsonDocument document, long bytes) {
		requireStatusWithBody(status);
		Objects.requireNonNull(document, "document");
		return new Fault(ScriptedFault.largeBody(status, document.name(), bytes));
	}

	/**
	 * Answers with a JSON document (see {@link JsonDocument}) compressed with gzip and
	 * sent with {@code content-encoding: gzip} whatever the request's
	 * {@code accept-encoding} says (or when it says nothing): a small body on the wire
	 * that inflates to {@code inflatedBytes}. The documents whose bulk is one repeated
	 * byte ({@link JsonDocument#USER}, {@link JsonDocument#SERVICE_PROVIDER_CONFIG},
	 * {@link JsonDocument#GRANTEX_ERROR}) inflate about a thousandfold (300 MB of JSON
	 * arrive as about 300 KB); the lists, whose entries differ, about fiftyfold. For
	 * checking that a client limits what it decompresses, not only what it receives. The
	 * document is compressed once, the first time the fault is used (about a second for
	 * 300 MB), and kept compressed; the request is not processed.
	 * @param status any status from 200 to 599 but 204 and 304
	 * @param document the document's shape
	 * @param inflatedBytes the document's size once inflated, up to 4 GiB
	 * @return the fault
	 * @throws IllegalArgumentException for a status without a body, or a size below the
	 * document's minimum or above 4 GiB
	 */
	public static Fault inflatingBody(int status, JsonDocument document, long inflatedBytes) {
		requireStatusWithBody(status);
		Objects.requireNonNull(document, "document");
		return new Fault(ScriptedFault.inflatingBody(status, document.name(), inflatedBytes));
	}

	/**
	 * Answers 200 with a JSON body that never ends (a User whose {@code userName} goes on
	 * for ever), sent {@code transfer-encoding: chunked} a few bytes at a time with a
	 * pause before each write, for as long as the client keeps reading: a read timeout
	 * never fires, since bytes keep arriving, so only a deadline on the whole answer ends
	 * it. Between writes no thread of the fake is held, so any number of trickling
	 * answers leave the fake's other requests unaffected; the trickle stops within two
	 * pauses of the client closing the connection, or when the server is closed, and
	 * {@link RecordedRequest#responseBodyBytes()} then tells how many bytes went out. The
	 * request is not processed.
	 * @param pause the wait before each write, at least one millisecond, e.g. 100 ms
	 * @param bytesPerWrite the bytes each write sends, 1 to 65,536
	 * @return the fault
	 * @throws IllegalArgumentException for a pause under a millisecond or a write size
	 * out of range
	 */
	public static Fault trickle(Duration pause, int bytesPerWrite) {
		if (pause.toMillis() < 1) {
			throw new IllegalArgumentException("pause must be at least one millisecond: " + pause);
		}
		if (bytesPerWrite < 1 || bytesPerWrite > 65_536) {
			throw new IllegalArgumentException("bytesPerWrite must be between 1 and 65536: " + bytesPerWrite);
		}
		return new Fault(ScriptedFault.trickle(pause, bytesPerWrite));
	}

	/**
	 * Answers a list request with the same page of users whatever {@code startIndex}
	 * asks, announcing {@code totalResults}: a pager that advances by what it received
	 * and stops on {@code totalResults} sees the same users again and again and never
	 * gets there. The page holds as many users as the request's {@code count} asks (read
	 * and clamped to 1..200 as the real server does; 100 by default), at most
	 * {@code totalResults}, always with the same ids; {@code startIndex} and
	 * {@code itemsPerPage} are echoed as the real server echoes them. The request is not
	 * processed (nor authenticated). Script it with
	 * {@link FaultScript#always(FaultTarget, Fault)} on {@code GET /scim/v2/Users}.
	 * @param totalResults the {@code totalResults} announced, at least 1; more than a
	 * page holds, to make a pager go on
	 * @return the fault
	 * @throws IllegalArgumentException for a total below 1
	 */
	public static Fault repeatingPage(long totalResults) {
		if (totalResults < 1) {
			throw new IllegalArgumentException("totalResults must be at least 1: " + totalResults);
		}
		return new Fault(ScriptedFault.repeatingPage(totalResults));
	}

	/**
	 * Answers a list request with a full page of users never seen before (new ids every
	 * time, user names numbered from the requested {@code startIndex}) and a
	 * {@code totalResults} always one page beyond the end of this page: a list that grows
	 * as fast as it is read, so a pager that trusts the server never stops. Otherwise as
	 * {@link #repeatingPage}. Script it with
	 * {@link FaultScript#always(FaultTarget, Fault)}.
	 * @return the fault
	 */
	public static Fault endlessList() {
		return new Fault(ScriptedFault.endlessList(-1));
	}

	/**
	 * Answers a list request as {@link #endlessList()}, but with a fixed
	 * {@code totalResults}, typically a huge one: {@code endlessList(Long.MAX_VALUE)}
	 * announces more users than any client can hold, and full pages keep coming (past
	 * {@code totalResults} too).
	 * @param totalResults the {@code totalResults} announced, zero or more
	 * @return the fault
	 * @throws IllegalArgumentException for a negative total
	 */
	public static Fault endlessList(long totalResults) {
		if (totalResults < 0) {
			throw new IllegalArgumentException("totalResults must not be negative: " + totalResults);
		}
		return new Fault(ScriptedFault.endlessList(totalResults));
	}

	/**
	 * Answers a list request with exactly {@code users} users, whatever its {@code count}
	 * asks (the real server never returns more than {@code count}, nor more than 200),
	 * and a {@code totalResults} of {@code users}; {@code startIndex} and
	 * {@code itemsPerPage} are echoed as the real server echoes them. The users are the
	 * same on every answer. The request is not processed.
	 * @param users the number of users on the page, 1 to 100,000
	 * @return the fault
	 * @throws IllegalArgumentException for a number out of range
	 */
	public static Fault pageLargerThanCount(int users) {
		if (users < 1 || users > 100_000) {
			throw new IllegalArgumentException("users must be between 1 and 100000: " + users);
		}
		return new Fault(ScriptedFault.pageLargerThanCount(users));
	}

	/**
	 * A copy of this fault whose answer goes out with {@code transfer-encoding: chunked}
	 * and no {@code content-length}: a client cannot refuse a large body by its announced
	 * length and must count what it reads. Usable on the faults that answer instead of
	 * the server.
	 * @return the copy
	 * @throws IllegalStateException on the faults that process the request or drop the
	 * connection, whose answer keeps the server's framing
	 */
	public Fault chunked() {
		return new Fault(this.scripted.chunked());
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

	private static void requireErrorStatus(int status, String fault) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException(fault + " takes a 4xx or 5xx status: " + status);
		}
	}

	private static void requireStatusWithBody(int status) {
		if (status < 200 || status > 599 || status == 204 || status == 304) {
			throw new IllegalArgumentException("status must be between 200 and 599, and not 204 or 304: " + status);
		}
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
