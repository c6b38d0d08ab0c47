package dev.grantex.scim.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.node.ObjectNode;

/**
 * The single entry point of every request: reads the exchange into a {@link WireRequest},
 * decides the {@link Outcome}, records it in the {@link RequestJournal}, and carries it
 * out on the connection.
 *
 * <p>
 * Scripted faults slot in here and nowhere else: {@link #decide(WireRequest)} takes the
 * request's fault, if any, from the {@link FaultQueue} and turns it into an outcome (an
 * answer in place of the server's, a delay, a dropped connection, a truncated answer),
 * and {@link #handle(HttpExchange)} carries out the outcomes that act on the connection
 * itself.
 *
 * <p>
 * A connection is dropped by closing the exchange before its response head is sent, which
 * makes the JDK server close the socket, and then by throwing from the handler, which
 * makes it close the socket too and forget the connection. A delay does not hold a worker
 * thread: the handler returns with the exchange still open, a scheduler waits, and a
 * worker finishes the exchange afterwards.
 */
public final class ExchangeDispatcher implements HttpHandler {

	private static final System.Logger LOGGER = System.getLogger(ExchangeDispatcher.class.getName());

	private final GrantexState state;

	private final GrantexPipeline pipeline;

	private final RequestJournal journal;

	private final FaultQueue faults;

	private final ScheduledExecutorService scheduler;

	private final Executor workers;

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Creates the dispatcher for one fake server.
	 * @param state the server's state
	 * @param journal where every request is recorded
	 * @param faults the server's scripted faults
	 * @param scheduler waits out delays, so they hold no worker thread
	 * @param workers the server's worker threads, which finish delayed exchanges
	 */
	public ExchangeDispatcher(GrantexState state, RequestJournal journal, FaultQueue faults,
			ScheduledExecutorService scheduler, Executor workers) {
		this.state = state;
		this.pipeline = new GrantexPipeline(state);
		this.journal = journal;
		this.faults = faults;
		this.scheduler = scheduler;
		this.workers = workers;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		boolean finished = true;
		try {
			WireRequest request = read(exchange);
			Outcome outcome = decide(request);
			if (outcome instanceof Outcome.Respond respond) {
				this.journal.record(request, respond.response().status(), respond.fault());
				write(exchange, request, respond.response());
			}
			else if (outcome instanceof Outcome.Drop drop) {
				this.journal.record(request, drop.status(), drop.fault());
				drop(exchange, drop.fault());
			}
			else if (outcome instanceof Outcome.Truncate truncate) {
				this.journal.record(request, truncate.response().status(), truncate.fault());
				writeTruncated(exchange, truncate.response(), truncate.fault());
			}
			else if (outcome instanceof Outcome.Stall stall) {
				this.journal.record(request, stall.response().status(), stall.fault());
				finished = !writeStalled(exchange, stall);
			}
			else if (outcome instanceof Outcome.Delay delay) {
				this.journal.record(request, delay.status(), delay.fault());
				finished = !schedule(exchange, request, delay);
			}
			else {
				throw new IllegalStateException("Unknown outcome " + outcome);
			}
		}
		finally {
			if (finished) {
				exchange.close();
			}
		}
	}

	/**
	 * What to do with the request: the scripted fault it takes, if any, else the server's
	 * answer.
	 * @param request the request as read
	 * @return the outcome to carry out on the connection
	 */
	Outcome decide(WireRequest request) {
		ScriptedFault fault = this.faults.take(request.method(), request.rawPath());
		if (fault == null) {
			return new Outcome.Respond(process(request));
		}
		String name = fault.description();
		return switch (fault.kind()) {
			case ANSWER -> new Outcome.Respond(fault.answer(this.state), name);
			case DELAY_THEN_PROCESS -> new Outcome.Delay(fault.delay(), 0,
					() -> new Outcome.Respond(fault.decorate(process(request)), name), name);
			case PROCESS_THEN_DELAY -> {
				WireResponse processed = fault.decorate(process(request));
				yield new Outcome.Delay(fault.delay(), processed.status(), () -> new Outcome.Respond(processed, name),
						name);
			}
			case DROP_BEFORE_PROCESSING -> new Outcome.Drop(0, name);
			case PROCESS_THEN_DROP -> new Outcome.Drop(process(request).status(), name);
			case TRUNCATED_BODY -> {
				WireResponse answer = fault.decorate(process(request));
				if (answer.body().length == 0 || answer.status() == 204 || request.method().equals("HEAD")) {
					// Nothing to cut short: the head alone would be a complete answer, so
					// none is sent.
					yield new Outcome.Drop(answer.status(), name + " (no body to cut: dropped)");
				}
				yield new Outcome.Truncate(answer, name);
			}
			case STALLED_BODY -> {
				WireResponse answer = fault.decorate(process(request));
				if (answer.body().length == 0 || answer.status() == 204 || request.method().equals("HEAD")) {
					// Nothing to stall in: the head alone is the whole answer, sent late.
					yield new Outcome.Delay(fault.delay(), answer.status(), () -> new Outcome.Respond(answer, name),
							name + " (no body to stall in: answered late)");
				}
				yield new Outcome.Stall(answer, fault.delay(), name);
			}
		};
	}

	/**
	 * The real server's answer; a defect of the fake becomes an answer no real server
	 * gives.
	 * @param request the request as read
	 * @return the answer to send
	 */
	private WireResponse process(WireRequest request) {
		try {
			return this.pipeline.handle(request);
		}
		catch (RuntimeException bug) {
			return fakeServerBug(bug);
		}
	}

	/**
	 * Closes the connection: closing an exchange whose response head was not sent closes
	 * the socket, and the exception makes the server close it too (if it was not yet) and
	 * forget it.
	 * @param exchange the exchange whose connection is closed
	 * @param fault the fault's description, for the exception
	 * @throws IOException always, to make the JDK server drop the connection
	 */
	private static void drop(HttpExchange exchange, String fault) throws IOException {
		exchange.close();
		throw new ConnectionDropped(fault);
	}

	/**
	 * Sends the head with the full content length and half the body, pushes them onto the
	 * wire, then closes: closing a fixed-length body that is short closes the connection.
	 * @param exchange the exchange to answer
	 * @param response the answer to cut short
	 * @param fault the fault's description, for the exception
	 * @throws IOException always, to make the JDK server drop the connection
	 */
	private static void writeTruncated(HttpExchange exchange, WireResponse response, String fault) throws IOException {
		writeHeadAndHalf(exchange, response);
		drop(exchange, fault);
	}

	/**
	 * Sends the head with the full content length and half the body, pushes them onto the
	 * wire, and leaves the rest to the scheduler, which sends it after the stall and
	 * closes the exchange.
	 * @param exchange the exchange to answer
	 * @param stall the answer and the stall
	 * @return whether the rest was handed over (false when the server is shutting down)
	 * @throws IOException when the client went away before the first half was sent
	 */
	private boolean writeStalled(HttpExchange exchange, Outcome.Stall stall) throws IOException {
		OutputStream out = writeHeadAndHalf(exchange, stall.response());
		byte[] body = stall.response().body();
		int half = body.length / 2;
		Runnable rest = () -> {
			try {
				out.write(body, half, body.length - half);
			}
			catch (IOException clientGone) {
				// The client stopped waiting and closed the connection.
			}
			finally {
				exchange.close();
			}
		};
		return later(exchange, stall.stall(), rest);
	}

	/**
	 * Sends the head with the full content length and the first half of the body, and
	 * pushes them onto the wire.
	 * @param exchange the exchange to answer
	 * @param response the answer whose head and first half are sent
	 * @return the body stream, for whatever comes next
	 * @throws IOException when the client went away
	 */
	private static OutputStream writeHeadAndHalf(HttpExchange exchange, WireResponse response) throws IOException {
		addHeaders(exchange, response);
		byte[] body = response.body();
		exchange.sendResponseHeaders(response.status(), body.length);
		OutputStream out = exchange.getResponseBody();
		out.write(body, 0, body.length / 2);
		out.flush();
		return out;
	}

	private static void addHeaders(HttpExchange exchange, WireResponse response) {
		Headers headers = exchange.getResponseHeaders();
		for (WireResponse.Header header : response.headers()) {
			headers.add(header.name(), header.value());
		}
	}

	/**
	 * Waits out a delay on the scheduler, then finishes the exchange on a worker thread.
	 * @param exchange the exchange to answer after the delay
	 * @param request the request, whose journal entry gets the final status
	 * @param delay the wait and what to answer after it
	 * @return whether the exchange was handed over (false when the server is shutting
	 * down)
	 */
	private boolean schedule(HttpExchange exchange, WireRequest request, Outcome.Delay delay) {
		return later(exchange, delay.delay(), () -> finishDelayed(exchange, request, delay));
	}

	/**
	 * Runs {@code task}, which finishes the exchange, on a worker thread after the wait,
	 * holding no thread meanwhile.
	 * @param exchange the exchange, closed here if the server stops before the task can
	 * run
	 * @param wait how long to wait
	 * @param task what finishes the exchange
	 * @return whether the task was handed over (false when the server is shutting down)
	 */
	private boolean later(HttpExchange exchange, Duration wait, Runnable task) {
		try {
			// Nothing waits on the future: the task itself closes the exchange if it
			// cannot finish it.
			ScheduledFuture<?> unused = this.scheduler.schedule(() -> {
				try {
					this.workers.execute(task);
				}
				catch (RejectedExecutionException stopped) {
					exchange.close();
				}
			}, TimeUnit.NANOSECONDS.convert(wait), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (RejectedExecutionException stopped) {
			return false;
		}
	}

	private void finishDelayed(HttpExchange exchange, WireRequest request, Outcome.Delay delay) {
		try {
			Outcome.Respond respond = delay.then().get();
			this.journal.update(request, respond.response().status());
			write(exchange, request, respond.response());
		}
		catch (IOException clientGone) {
			// The client stopped waiting and closed the connection: the work stands, the
			// answer is lost.
			LOGGER.log(System.Logger.Level.DEBUG, "A delayed answer could not be sent", clientGone);
		}
		finally {
			exchange.close();
		}
	}

	private WireRequest read(HttpExchange exchange) throws IOException {
		long number = this.sequence.getAndIncrement();
		Instant receivedAt = Instant.now();
		URI uri = exchange.getRequestURI();
		String rawPath = (uri.getRawPath() == null) ? "" : uri.getRawPath();
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
			headers.computeIfAbsent(header.getKey(), (name) -> new ArrayList<>()).addAll(header.getValue());
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		InetSocketAddress remote = exchange.getRemoteAddress();
		String remoteAddress = (remote.getAddress() == null) ? remote.getHostString()
				: remote.getAddress().getHostAddress();
		return new WireRequest(number, receivedAt, exchange.getRequestMethod(), rawPath, uri.getRawQuery(), headers,
				body, remoteAddress);
	}

	private static void write(HttpExchange exchange, WireRequest request, WireResponse response) throws IOException {
		addHeaders(exchange, response);
		Headers headers = exchange.getResponseHeaders();
		byte[] body = response.body();
		int status = response.status();
		if (status == 204) {
			exchange.sendResponseHeaders(status, -1);
		}
		else if (request.method().equals("HEAD")) {
			// A HEAD answer carries the length of the body a GET would get, and no body.
			headers.set("content-length", Integer.toString(body.length));
			exchange.sendResponseHeaders(status, -1);
		}
		else if (body.length == 0) {
			exchange.sendResponseHeaders(status, -1);
		}
		else {
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * A defect in the fake itself: answered with a shape no real Grantex response has, so
	 * a client test can never mistake it for server behaviour.
	 * @param bug what the fake threw
	 * @return a 500 with the code {@code FAKE_SERVER_BUG}
	 */
	private static WireResponse fakeServerBug(RuntimeException bug) {
		LOGGER.log(System.Logger.Level.ERROR, "FakeGrantexServer failed to handle a request", bug);
		ObjectNode body = JsonSupport.object();
		body.put("message", "FakeGrantexServer failed: " + bug);
		body.put("code", "FAKE_SERVER_BUG");
		return WireResponse.json(500, body);
	}

	/**
	 * Thrown from the handler after a fault closed the connection on purpose; never
	 * reaches a client.
	 */
	private static final class ConnectionDropped extends IOException {

		private static final long serialVersionUID = 1L;

		ConnectionDropped(String fault) {
			super("Connection closed by the scripted fault " + fault, null);
		}

	}

}
