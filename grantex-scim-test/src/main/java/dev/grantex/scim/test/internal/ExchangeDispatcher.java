package dev.grantex.scim.test.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * The single entry point of every request: reads the exchange into a {@link WireRequest}, decides the
 * {@link Outcome}, records it in the {@link RequestJournal}, and carries it out on the connection.
 *
 * <p>Scripted faults slot in here and nowhere else: {@link #decide(WireRequest)} will consult them
 * before the pipeline (a fixed status and body instead of the real answer), and
 * {@link #handle(HttpExchange)} will carry out the outcomes that act on the connection itself (a delay
 * before answering, a dropped connection).
 */
public final class ExchangeDispatcher implements HttpHandler {

	private static final System.Logger LOGGER = System.getLogger(ExchangeDispatcher.class.getName());

	private final GrantexPipeline pipeline;
	private final RequestJournal journal;
	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Creates the dispatcher for one fake server.
	 *
	 * @param state   the server's state
	 * @param journal where every answered request is recorded
	 */
	public ExchangeDispatcher(GrantexState state, RequestJournal journal) {
		this.pipeline = new GrantexPipeline(state);
		this.journal = journal;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			WireRequest request = read(exchange);
			Outcome outcome = decide(request);
			if (outcome instanceof Outcome.Respond respond) {
				journal.record(request, respond.response().status());
				write(exchange, request, respond.response());
			} else {
				throw new IllegalStateException("Unknown outcome " + outcome);
			}
		} finally {
			exchange.close();
		}
	}

	/** What to do with the request. The hook for scripted faults. */
	Outcome decide(WireRequest request) {
		WireResponse response;
		try {
			response = pipeline.handle(request);
		} catch (RuntimeException bug) {
			response = fakeServerBug(bug);
		}
		return new Outcome.Respond(response);
	}

	private WireRequest read(HttpExchange exchange) throws IOException {
		long number = sequence.getAndIncrement();
		Instant receivedAt = Instant.now();
		URI uri = exchange.getRequestURI();
		String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
			headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).addAll(header.getValue());
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		InetSocketAddress remote = exchange.getRemoteAddress();
		String remoteAddress = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
		return new WireRequest(number, receivedAt, exchange.getRequestMethod(), rawPath, uri.getRawQuery(),
				headers, body, remoteAddress);
	}

	private static void write(HttpExchange exchange, WireRequest request, WireResponse response) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		for (WireResponse.Header header : response.headers()) {
			headers.add(header.name(), header.value());
		}
		byte[] body = response.body();
		int status = response.status();
		if (status == 204) {
			exchange.sendResponseHeaders(status, -1);
		} else if (request.method().equals("HEAD")) {
			// A HEAD answer carries the length of the body a GET would get, and no body.
			headers.set("content-length", Integer.toString(body.length));
			exchange.sendResponseHeaders(status, -1);
		} else if (body.length == 0) {
			exchange.sendResponseHeaders(status, -1);
		} else {
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * A defect in the fake itself: answered with a shape no real Grantex response has, so a client
	 * test can never mistake it for server behaviour.
	 */
	private static WireResponse fakeServerBug(RuntimeException bug) {
		LOGGER.log(System.Logger.Level.ERROR, "FakeGrantexServer failed to handle a request", bug);
		ObjectNode body = JsonSupport.object();
		body.put("message", "FakeGrantexServer failed: " + bug);
		body.put("code", "FAKE_SERVER_BUG");
		return WireResponse.json(500, body);
	}
}
