package dev.grantex.scim.test.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

	/** The largest index {@link #credentialEchoedAcross} straddles: 16 MiB. */
	public static final int MAX_ECHO_INDEX = 16 << 20;

	/** The largest document {@link #inflatingBody} inflates to: 4 GiB. */
	public static final long MAX_INFLATED_BYTES = 4L << 30;

	private final Kind kind;

	private final String baseDescription;

	private final @Nullable Answer answer;

	private final Duration delay;

	private final int bytesPerWrite;

	private final boolean chunked;

	private final List<WireResponse.Header> extraHeaders;

	private final String description;

	private ScriptedFault(Kind kind, String baseDescription, @Nullable Answer answer, Duration delay) {
		this(kind, baseDescription, answer, delay, 0, false, List.of());
	}

	private ScriptedFault(Kind kind, String baseDescription, @Nullable Answer answer, Duration delay, int bytesPerWrite,
			boolean chunked, List<WireResponse.Header> extraHeaders) {
		this.kind = kind;
		this.baseDescription = baseDescription;
		this.answer = answer;
		this.delay = delay;
		this.bytesPerWrite = bytesPerWrite;
		this.chunked = chunked;
		this.extraHeaders = List.copyOf(extraHeaders);
		StringBuilder text = new StringBuilder(baseDescription);
		if (chunked) {
			text.append(" + chunked");
		}
		for (WireResponse.Header header : this.extraHeaders) {
			text.append(" + ").append(header.name()).append(": ").append(header.value());
		}
		this.description = text.toString();
	}

	private static ScriptedFault of(Kind kind, String description) {
		return new ScriptedFault(kind, description, null, Duration.ZERO);
	}

	private static ScriptedFault answering(String description, Answer answer) {
		return new ScriptedFault(Kind.ANSWER, description, answer, Duration.ZERO);
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
		return answering("status(" + status + ")", (state, request) -> response);
	}

	/**
	 * The per-IP limiter's 429, exactly as the real server sends it.
	 * @param retryAfterSeconds the wait, at least one second
	 * @return the fault
	 */
	public static ScriptedFault rateLimited(long retryAfterSeconds) {
		return answering("rateLimited(" + retryAfterSeconds + "s)", (state, request) -> {
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
			case 500 -> answering(description,
					(state, request) -> Bodies.internalError().withHeader("cache-control", "no-store"));
			case 503 -> answering(description,
					(state, request) -> Bodies.grantexError(503, LIMITER_UNAVAILABLE_MESSAGE, "RATE_LIMIT_UNAVAILABLE")
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
		WireResponse response = WireResponse.text(status, "text/html", HostileAnswers.proxyPage(status));
		return answering(description, (state, request) -> response);
	}

	/**
	 * Waits, then processes and answers normally.
	 * @param delay the wait, not negative
	 * @return the fault
	 */
	public static ScriptedFault delayThenProcess(Duration delay) {
		return new ScriptedFault(Kind.DELAY_THEN_PROCESS, "delayThenProcess(" + millis(delay) + ")", null, delay);
	}

	/**
	 * Processes at once, then waits before answering.
	 * @param delay the wait, not negative
	 * @return the fault
	 */
	public static ScriptedFault processThenDelay(Duration delay) {
		return new ScriptedFault(Kind.PROCESS_THEN_DELAY, "processThenDelay(" + millis(delay) + ")", null, delay);
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
		return new ScriptedFault(Kind.STALLED_BODY, "stalledBody(" + millis(stall) + ")", null, stall);
	}

	/**
	 * A proxy's redirect to another place.
	 * @param status 301, 302, 303, 307 or 308
	 * @param location the {@code location} header's value
	 * @return the fault
	 */
	public static ScriptedFault redirect(int status, String location) {
		WireResponse response = WireResponse.text(status, "text/html", HostileAnswers.proxyPage(status))
			.withHeader("location", location);
		return answering("redirect(" + status + ", " + location + ")", (state, request) -> response);
	}

	/**
	 * A Grantex-shaped error whose every text member holds the request's credential.
	 * @param status the status code
	 * @return the fault
	 */
	public static ScriptedFault credentialEchoedAsGrantexError(int status) {
		return answering("credentialEchoed(" + status + ", GRANTEX)",
				(state, request) -> HostileAnswers.grantexEcho(status, request));
	}

	/**
	 * A SCIM-shaped error whose every text member holds the request's credential.
	 * @param status the status code
	 * @return the fault
	 */
	public static ScriptedFault credentialEchoedAsScimError(int status) {
		return answering("credentialEchoed(" + status + ", SCIM)",
				(state, request) -> HostileAnswers.scimEcho(status, request));
	}

	/**
	 * A framework-shaped error whose every text member holds the request's credential.
	 * @param status the status code
	 * @return the fault
	 */
	public static ScriptedFault credentialEchoedAsFrameworkError(int status) {
		return answering("credentialEchoed(" + status + ", FRAMEWORK)",
				(state, request) -> HostileAnswers.frameworkEcho(status, request));
	}

	/**
	 * A Grantex-shaped error with a long message in which the request's credential
	 * straddles a character index.
	 * @param status the status code
	 * @param index the index the credential straddles
	 * @return the fault
	 */
	public static ScriptedFault credentialEchoedAcross(int status, int index) {
		return answering("credentialEchoedAcross(" + status + ", " + index + ")",
				(state, request) -> HostileAnswers.echoAcross(status, index, request));
	}

	/**
	 * A page that is not JSON and shows the request's credential.
	 * @param status the status code
	 * @return the fault
	 */
	public static ScriptedFault credentialEchoedInText(int status) {
		return answering("credentialEchoedInText(" + status + ")",
				(state, request) -> HostileAnswers.textEcho(status, request));
	}

	/**
	 * A Grantex-shaped error whose {@code code} holds line breaks and other control
	 * characters.
	 * @param status the status code
	 * @return the fault
	 */
	public static ScriptedFault controlCharactersInCode(int status) {
		return answering("controlCharactersInCode(" + status + ")",
				(state, request) -> HostileAnswers.forgedCode(status));
	}

	/**
	 * A JSON document of an exact size, generated while it is written.
	 * @param status the status code
	 * @param name the document's name: {@code USER}, {@code USER_LIST},
	 * {@code SERVICE_PROVIDER_CONFIG}, {@code TOKEN_LIST} or {@code GRANTEX_ERROR}
	 * @param bytes the document's size
	 * @return the fault
	 * @throws IllegalArgumentException for a size below the document's minimum
	 */
	public static ScriptedFault largeBody(int status, String name, long bytes) {
		LargeDocuments.Document document = document(status, name, bytes);
		List<WireResponse.Header> headers = List.of(jsonContentType(), noStore());
		return answering("largeBody(" + status + ", " + name + ", " + document.length() + " bytes)",
				(state, request) -> WireResponse.generated(status, headers, document.length(), document.body()));
	}

	/**
	 * A JSON document sent gzip-compressed, whatever the request accepts; compressed the
	 * first time the fault is used.
	 * @param status the status code
	 * @param name the document's name, as for {@link #largeBody}
	 * @param inflatedBytes the document's size
	 * @return the fault
	 * @throws IllegalArgumentException for a size below the document's minimum or above
	 * {@link #MAX_INFLATED_BYTES}
	 */
	public static ScriptedFault inflatingBody(int status, String name, long inflatedBytes) {
		if (inflatedBytes > MAX_INFLATED_BYTES) {
			throw new IllegalArgumentException(
					"inflatedBytes must be at most " + MAX_INFLATED_BYTES + " (4 GiB): " + inflatedBytes);
		}
		LargeDocuments.Document document = document(status, name, inflatedBytes);
		HostileAnswers.Compressed compressed = new HostileAnswers.Compressed(document);
		return answering("inflatingBody(" + status + ", " + name + ", " + document.length() + " bytes)",
				(state, request) -> WireResponse.of(status,
						List.of(jsonContentType(), new WireResponse.Header("content-encoding", "gzip"), noStore()),
						compressed.bytes()));
	}

	/**
	 * A 200 whose JSON body never ends, sent a few bytes at a time.
	 * @param pause the wait between two writes
	 * @param bytesPerWrite how many bytes each write sends
	 * @return the fault
	 */
	public static ScriptedFault trickle(Duration pause, int bytesPerWrite) {
		List<WireResponse.Header> headers = List.of(jsonContentType(), noStore());
		Answer endless = (state, request) -> WireResponse.generated(200, headers, -1, LargeDocuments::endlessUser);
		String bytes = bytesPerWrite + ((bytesPerWrite == 1) ? " byte" : " bytes");
		return new ScriptedFault(Kind.TRICKLE, "trickle(" + bytes + " every " + millis(pause) + ")", endless, pause,
				bytesPerWrite, false, List.of());
	}

	/**
	 * A list page that holds the same users whatever {@code startIndex} asks.
	 * @param totalResults the {@code totalResults} announced
	 * @return the fault
	 */
	public static ScriptedFault repeatingPage(long totalResults) {
		return answering("repeatingPage(totalResults " + totalResults + ")",
				(state, request) -> HostileAnswers.repeatingPage(request, totalResults, state.emailsAsArray()));
	}

	/**
	 * A list page of new users every time, with a {@code totalResults} that is fixed or
	 * always a page ahead.
	 * @param totalResults the {@code totalResults} announced, or -1 for one page more
	 * than this one reaches
	 * @return the fault
	 */
	public static ScriptedFault endlessList(long totalResults) {
		String total = (totalResults >= 0) ? "totalResults " + totalResults : "growing";
		return answering("endlessList(" + total + ")",
				(state, request) -> HostileAnswers.endlessPage(request, totalResults, state.emailsAsArray()));
	}

	/**
	 * A list page with a fixed number of users, whatever {@code count} asks.
	 * @param users the number of users on the page
	 * @return the fault
	 */
	public static ScriptedFault pageLargerThanCount(int users) {
		return answering("pageLargerThanCount(" + users + ")",
				(state, request) -> HostileAnswers.largerPage(request, users, state.emailsAsArray()));
	}

	/**
	 * A copy whose answer goes out with {@code transfer-encoding: chunked} instead of a
	 * {@code content-length}.
	 * @return the copy
	 * @throws IllegalStateException for a fault that does not answer in place of the
	 * server
	 */
	public ScriptedFault chunked() {
		if (this.kind != Kind.ANSWER && this.kind != Kind.TRICKLE) {
			throw new IllegalStateException(this.description
					+ " sends the server's own answer, whose framing it keeps; only faults that answer instead of "
					+ "the server can be chunked");
		}
		return new ScriptedFault(this.kind, this.baseDescription, this.answer, this.delay, this.bytesPerWrite, true,
				this.extraHeaders);
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
		return new ScriptedFault(this.kind, this.baseDescription, this.answer, this.delay, this.bytesPerWrite,
				this.chunked, headers);
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

	int bytesPerWrite() {
		return this.bytesPerWrite;
	}

	/**
	 * The answer of a fault that answers instead of the server, for one request, with the
	 * extra headers and the chosen framing.
	 * @param state the server's state, for answers that show its settings
	 * @param request the request, for answers that echo it
	 * @return the answer
	 */
	WireResponse answer(GrantexState state, WireRequest request) {
		Answer builder = this.answer;
		if (builder == null) {
			throw new IllegalStateException(this.description + " does not answer in place of the server");
		}
		WireResponse response = decorate(builder.build(state, request));
		return this.chunked ? response.chunked() : response;
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

	private static LargeDocuments.Document document(int status, String name, long bytes) {
		return switch (name) {
			case "USER" -> LargeDocuments.user(bytes);
			case "USER_LIST" -> LargeDocuments.userList(bytes);
			case "SERVICE_PROVIDER_CONFIG" -> LargeDocuments.serviceProviderConfig(bytes);
			case "TOKEN_LIST" -> LargeDocuments.tokenList(bytes);
			case "GRANTEX_ERROR" ->
				LargeDocuments.grantexError(bytes, (status >= 500) ? "INTERNAL_ERROR" : "BAD_REQUEST");
			default -> throw new IllegalArgumentException("No such document: " + name);
		};
	}

	private static WireResponse.Header jsonContentType() {
		return new WireResponse.Header("content-type", WireResponse.JSON_CONTENT_TYPE);
	}

	private static WireResponse.Header noStore() {
		return new WireResponse.Header("cache-control", "no-store");
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
		STALLED_BODY,
		/**
		 * Answered with {@link #answer}'s endless body, {@link #bytesPerWrite} bytes
		 * every {@link #delay}; not processed.
		 */
		TRICKLE

	}

	/**
	 * Builds the answer of a fault that answers instead of the server, for one request.
	 */
	@FunctionalInterface
	interface Answer {

		WireResponse build(GrantexState state, WireRequest request);

	}

}
