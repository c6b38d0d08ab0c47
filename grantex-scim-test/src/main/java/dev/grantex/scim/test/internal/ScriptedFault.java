package dev.grantex.scim.test.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One scripted fault as the dispatcher carries it out: what becomes of the request
 * (answered in its place, processed late, processed and never answered …) and, for faults
 * that answer, the answer. Immutable; the public {@code Fault} builds it and validates
 * the arguments. Answers that carry a request id or the limiter's settings are built
 * afresh for each request that uses the fault.
 */
public final class ScriptedFault {

	/** The per-IP limiter's answer message (its code is, oddly, {@code BAD_REQUEST}). */
	private static final String IP_LIMIT_CODE = "BAD_REQUEST";

	/**
	 * The message of the plan limiter's fail-closed answer when its store cannot be read.
	 */
	static final String LIMITER_UNAVAILABLE_MESSAGE = "Authenticated rate limiting is temporarily unavailable";

	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
			Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
			Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
			Map.entry(413, "Request Entity Too Large"), Map.entry(414, "Request-URI Too Large"),
			Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
			Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
			Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

	private final Kind kind;

	private final String description;

	private final @Nullable Answer answer;

	private final Duration delay;

	private final List<WireResponse.Header> extraHeaders;

	private ScriptedFault(Kind kind, String description, @Nullable Answer answer, Duration delay,
			List<WireResponse.Header> extraHeaders) {
		this.kind = kind;
		this.description = description;
		this.answer = answer;
		this.delay = delay;
		this.extraHeaders = List.copyOf(extraHeaders);
	}

	private static ScriptedFault of(Kind kind, String description) {
		return new ScriptedFault(kind, description, null, Duration.ZERO, List.of());
	}

	private static ScriptedFault answering(String description, Answer answer) {
		return new ScriptedFault(Kind.ANSWER, description, answer, Duration.ZERO, List.of());
	}

	/**
	 * A fixed answer.
	 * @param status the status code
	 * @param contentType the content type, or {@code null} for none
	 * @param body the body, sent as UTF-8
	 * @return the fault
	 */
	public static ScriptedFault status(int status, @Nullable String contentType, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<WireResponse.Header> headers = (contentType != null)
				? List.of(new WireResponse.Header("content-type", contentType)) : List.of();
		WireResponse response = WireResponse.of(status, headers, bytes);
		return answering("status(" + status + ")", (state) -> response);
	}

	/**
	 * The per-IP limiter's 429, exactly as the real server sends it.
	 * @param retryAfterSeconds the wait, at least one second
	 * @return the fault
	 */
	public static ScriptedFault rateLimited(long retryAfterSeconds) {
		return answering("rateLimited(" + retryAfterSeconds + "s)", (state) -> {
			WireResponse limited = Bodies.grantexError(429,
					"Rate limit exceeded, retry in " + GrantexPipeline.humanDuration(retryAfterSeconds * 1000),
					IP_LIMIT_CODE);
			String seconds = Long.toString(retryAfterSeconds);
			return limited
				.withLeadingHeaders(
						List.of(new WireResponse.Header("x-ratelimit-limit", Integer.toString(state.ipLimit())),
								new WireResponse.Header("x-ratelimit-remaining", "0"),
								new WireResponse.Header("x-ratelimit-reset", seconds),
								new WireResponse.Header("retry-after", seconds)))
				.withHeader("cache-control", "no-store");
		});
	}

	/**
	 * A 5xx as it reaches a client: the server's own 500 and 503 bodies, a proxy's page
	 * for 502 and 504.
	 * @param status 500, 502, 503 or 504
	 * @return the fault
	 */
	public static ScriptedFault serverError(int status) {
		String description = "serverError(" + status + ")";
		return switch (status) {
			case 500 ->
				answering(description, (state) -> Bodies.internalError().withHeader("cache-control", "no-store"));
			case 503 -> answering(description,
					(state) -> Bodies.grantexError(503, LIMITER_UNAVAILABLE_MESSAGE, "RATE_LIMIT_UNAVAILABLE")
						.withHeader("cache-control", "no-store"));
			case 502, 504 -> htmlPage(description, status);
			default -> throw new IllegalArgumentException("No server error shape for status " + status);
		};
	}

	/**
	 * A reverse proxy's HTML error page.
	 * @param status a 4xx or 5xx status
	 * @return the fault
	 */
	public static ScriptedFault html(int status) {
		return htmlPage("html(" + status + ")", status);
	}

	private static ScriptedFault htmlPage(String description, int status) {
		String title = status + " " + REASONS.getOrDefault(status, "Error");
		String page = "<html>\r\n" + "<head><title>" + title + "</title></head>\r\n" + "<body>\r\n" + "<center><h1>"
				+ title + "</h1></center>\r\n" + "<hr><center>nginx</center>\r\n" + "</body>\r\n" + "</html>\r\n";
		WireResponse response = WireResponse.text(status, "text/html", page);
		return answering(description, (state) -> response);
	}

	/**
	 * Waits, then processes and answers normally.
	 * @param delay the wait, not negative
	 * @return the fault
	 */
	public static ScriptedFault delayThenProcess(Duration delay) {
		return new ScriptedFault(Kind.DELAY_THEN_PROCESS, "delayThenProcess(" + millis(delay) + ")", null, delay,
				List.of());
	}

	/**
	 * Processes at once, then waits before answering.
	 * @param delay the wait, not negative
	 * @return the fault
	 */
	public static ScriptedFault processThenDelay(Duration delay) {
		return new ScriptedFault(Kind.PROCESS_THEN_DELAY, "processThenDelay(" + millis(delay) + ")", null, delay,
				List.of());
	}

	/**
	 * Closes the connection without processing or answering.
	 * @return the fault
	 */
	public static ScriptedFault dropBeforeProcessing() {
		return of(Kind.DROP_BEFORE_PROCESSING, "dropBeforeProcessing");
	}

	/**
	 * Processes the request, then closes the connection without answering.
	 * @return the fault
	 */
	public static ScriptedFault processThenDrop() {
		return of(Kind.PROCESS_THEN_DROP, "processThenDrop");
	}

	/**
	 * Processes the request, then sends the head and half the body and closes the
	 * connection.
	 * @return the fault
	 */
	public static ScriptedFault truncatedBody() {
		return of(Kind.TRUNCATED_BODY, "truncatedBody");
	}

	/**
	 * Processes, sends the head and half the body, and the rest after the stall.
	 * @param stall the wait in the middle of the body
	 * @return the fault
	 */
	public static ScriptedFault stalledBody(Duration stall) {
		return new ScriptedFault(Kind.STALLED_BODY, "stalledBody(" + millis(stall) + ")", null, stall, List.of());
	}

	/**
	 * A copy that also sends this header, replacing any header of the same name (in any
	 * letter case) the answer would otherwise carry.
	 * @param name the header name
	 * @param value the header value
	 * @return the copy
	 * @throws IllegalStateException for a fault that sends no answer
	 */
	public ScriptedFault withHeader(String name, String value) {
		if (this.kind == Kind.DROP_BEFORE_PROCESSING || this.kind == Kind.PROCESS_THEN_DROP) {
			throw new IllegalStateException(this.description + " sends no response, so it can carry no header");
		}
		List<WireResponse.Header> headers = new ArrayList<>();
		for (WireResponse.Header header : this.extraHeaders) {
			if (!header.name().equalsIgnoreCase(name)) {
				headers.add(header);
			}
		}
		headers.add(new WireResponse.Header(name.toLowerCase(Locale.ROOT), value));
		StringBuilder text = new StringBuilder(base());
		for (WireResponse.Header header : headers) {
			text.append(" + ").append(header.name()).append(": ").append(header.value());
		}
		return new ScriptedFault(this.kind, text.toString(), this.answer, this.delay, headers);
	}

	/**
	 * What the fault does, as recorded with each request it was used on.
	 * @return e.g. {@code rateLimited(2s)} or {@code status(503) + retry-after: 0}
	 */
	public String description() {
		return this.description;
	}

	@Override
	public String toString() {
		return this.description;
	}

	Kind kind() {
		return this.kind;
	}

	Duration delay() {
		return this.delay;
	}

	/**
	 * The answer of an {@link Kind#ANSWER} fault for one request, with the extra headers.
	 * @param state the server's state, for answers that show its settings
	 * @return the answer
	 */
	WireResponse answer(GrantexState state) {
		if (this.answer == null) {
			throw new IllegalStateException(this.description + " does not answer in place of the server");
		}
		return decorate(this.answer.build(state));
	}

	/**
	 * The given answer with this fault's extra headers, each replacing any header of its
	 * name.
	 * @param response the answer
	 * @return the answer with the extra headers
	 */
	WireResponse decorate(WireResponse response) {
		WireResponse decorated = response;
		for (WireResponse.Header header : this.extraHeaders) {
			decorated = decorated.withHeaderReplaced(header.name(), header.value());
		}
		return decorated;
	}

	private String base() {
		int extras = this.description.indexOf(" + ");
		return (extras < 0) ? this.description : this.description.substring(0, extras);
	}

	private static String millis(Duration delay) {
		return delay.toMillis() + "ms";
	}

	/** What happens to the request. */
	enum Kind {

		/** Answered with {@link #answer}; not processed. */
		ANSWER,
		/** Processed after {@link #delay}, then answered normally. */
		DELAY_THEN_PROCESS,
		/** Processed at once, answered normally after {@link #delay}. */
		PROCESS_THEN_DELAY,
		/** Neither processed nor answered: the connection is closed. */
		DROP_BEFORE_PROCESSING,
		/** Processed, then the connection is closed without an answer. */
		PROCESS_THEN_DROP,
		/**
		 * Processed, then the head and half the body are sent and the connection is
		 * closed.
		 */
		TRUNCATED_BODY,
		/**
		 * Processed, then the head and half the body are sent, and the rest after
		 * {@link #delay}.
		 */
		STALLED_BODY

	}

	/** Builds the answer of an {@link Kind#ANSWER} fault for one request. */
	@FunctionalInterface
	interface Answer {

		WireResponse build(GrantexState state);

	}

}
