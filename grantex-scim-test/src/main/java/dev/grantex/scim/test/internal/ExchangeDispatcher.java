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
 * worker finishes the exchange afterwards; a trickled body is written the same way, a few
 * bytes per scheduled run.
 *
 * <p>
 * Bodies are copied onto the connection a piece at a time, so a generated body of any
 * size is never held whole; a client that closes the connection in the middle ends the
 * copy quietly. The journal learns how many body bytes went out.
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
				respond(exchange, request, respond, false);
			}
			else if (outcome instanceof Outcome.Drop drop) {
				this.journal.record(request, drop.status(), drop.fault(), 0);
				drop(exchange, drop.fault());
			}
			else if (outcome instanceof Outcome.Truncate truncate) {
				this.journal.record(request, truncate.response().status(), truncate.fault(),
						truncate.response().body().length / 2);
				writeTruncated(exchange, truncate.response(), truncate.fault());
			}
			else if (outcome instanceof Outcome.Stall stall) {
				this.journal.record(request, stall.response().status(), stall.fault(), -1);
				finished = !writeStalled(exchange, request, stall);
			}
			else if (outcome instanceof Outcome.Delay delay) {
				this.journal.record(request, delay.status(), delay.fault(), -1);
				finished = !schedule(exchange, request, delay);
			}
			else if (outcome instanceof Outcome.Trickle trickle) {
				this.journal.record(request, trickle.response().status(), trickle.fault(), -1);
				finished = !startTrickle(exchange, request, trickle);
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
	 * Records and writes an answer. The journal gets the body's length before the answer
	 * goes out when it is known (so a client that has the answer finds it recorded), and
	 * the bytes really written once they differ: for a generated body, or when the client
	 * went away in the middle.
	 * @param exchange the exchange to answer
	 * @param request the request
	 * @param respond the answer
	 * @param recordedBefore whether the request was recorded on arrival (a delayed
	 * answer), so its entry is updated rather than added
	 */
	private void respond(HttpExchange exchange, WireRequest request, Outcome.Respond respond, boolean recordedBefore) {
		WireResponse response = respond.response();
		long expected = bodyBytesOnTheWire(request, response);
		if (recordedBefore) {
			this.journal.update(request, response.status(), expected);
		}
		else {
			this.journal.record(request, response.status(), respond.fault(), expected);
		}
		long written = write(exchange, request, response);
		if (written != expected) {
			this.journal.update(request, response.status(), written);
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
			case ANSWER -> new Outcome.Respond(fault.answer(this.state, request), name);
			case TRICKLE ->
				new Outcome.Trickle(fault.answer(this.state, request), fault.delay(), fault.bytesPerWrite(), name);
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
	 * @param request the request, whose journal entry gets the bytes finally written
	 * @param stall the answer and the stall
	 * @return whether the rest was handed over (false when the server is shutting down)
	 * @throws IOException when the client went away before the first half was sent
	 */
	private boolean writeStalled(HttpExchange exchange, WireRequest request, Outcome.Stall stall) throws IOException {
		OutputStream out = writeHeadAndHalf(exchange, stall.response());
		byte[] body = stall.response().body();
		int half = body.length / 2;
		Runnable rest = () -> {
			long written = half;
			try {
				out.write(body, half, body.length - half);
				written = body.length;
			}
			catch (IOException clientGone) {
				// The client stopped waiting and closed the connection.
			}
			finally {
				exchange.close();
				this.journal.update(request, stall.response().status(), written);
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
			respond(exchange, request, delay.then().get(), true);
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * Sends the head of an endless answer, announcing no length, and leaves its body to a
	 * {@link Trickler}, which sends a few bytes after each pause. A {@code HEAD} gets the
	 * head alone.
	 * @param exchange the exchange to answer
	 * @param request the request
	 * @param trickle the answer and its pace
	 * @return whether the body was handed over (false when it was not: the server is
	 * shutting down, or the request was a {@code HEAD})
	 * @throws IOException when the client went away before the head was sent
	 */
	private boolean startTrickle(HttpExchange exchange, WireRequest request, Outcome.Trickle trickle)
			throws IOException {
		WireResponse response = trickle.response();
		if (request.method().equals("HEAD")) {
			this.journal.update(request, response.status(), write(exchange, request, response));
			return false;
		}
		addHeaders(exchange, response);
		exchange.sendResponseHeaders(response.status(), 0);
		Trickler trickler = new Trickler(exchange, request, trickle, exchange.getResponseBody(), response.openBody());
		return later(exchange, trickle.pause(), trickler);
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

	/**
	 * Writes an answer. A client that goes away in the middle of the body ends the
	 * writing quietly: for a hostile body that is what the test expects, and it is noted
	 * only at {@code DEBUG} level.
	 * @param exchange the exchange to answer
	 * @param request the request, whose method decides whether a body is sent
	 * @param response the answer
	 * @return the body bytes written
	 */
	private static long write(HttpExchange exchange, WireRequest request, WireResponse response) {
		addHeaders(exchange, response);
		Headers headers = exchange.getResponseHeaders();
		int status = response.status();
		long length = response.length();
		try {
			if (status == 204) {
				exchange.sendResponseHeaders(status, -1);
				return 0;
			}
			if (request.method().equals("HEAD")) {
				// A HEAD answer carries the length of the body a GET would get, and no
				// body.
				if (length >= 0 && !response.isChunked()) {
					headers.set("content-length", Long.toString(length));
				}
				exchange.sendResponseHeaders(status, -1);
				return 0;
			}
			if (length == 0 && !response.isChunked()) {
				exchange.sendResponseHeaders(status, -1);
				return 0;
			}
			exchange.sendResponseHeaders(status, (response.isChunked() || length < 0) ? 0 : length);
		}
		catch (IOException clientGone) {
			LOGGER.log(System.Logger.Level.DEBUG, "The client closed the connection before the answer", clientGone);
			return 0;
		}
		return copy(response, exchange.getResponseBody());
	}

	/**
	 * Copies a body onto the connection, a piece at a time, so that a generated body is
	 * never held whole.
	 * @param response the answer whose body is copied
	 * @param out the exchange's body stream, closed here
	 * @return the bytes written, to within one piece when the client went away
	 */
	private static long copy(WireResponse response, OutputStream out) {
		long written = 0;
		byte[] buffer = new byte[GeneratedBody.PIECE_SIZE];
		try (InputStream body = response.openBody(); out) {
			int read;
			while ((read = body.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				written += read;
			}
		}
		catch (IOException clientGone) {
			String message = "The client closed the connection after " + written + " body bytes";
			LOGGER.log(System.Logger.Level.DEBUG, message, clientGone);
		}
		return written;
	}

	/**
	 * The body bytes an answer puts on the wire, as far as they are known before it is
	 * written.
	 * @param request the request, whose method decides whether a body is sent
	 * @param response the answer
	 * @return 0 for {@code HEAD} and 204, -1 for a generated body (known once written),
	 * else the body's length
	 */
	private static long bodyBytesOnTheWire(WireRequest request, WireResponse response) {
		if (response.status() == 204 || request.method().equals("HEAD")) {
			return 0;
		}
		return response.isGenerated() ? -1 : response.length();
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

	/**
	 * Sends an endless body a few bytes at a time: each run writes one slice and asks the
	 * scheduler to run it again after the pause, so no thread is held in between. Stops
	 * when the client closes the connection (the write fails) or the server stops (the
	 * scheduler refuses), and then records the bytes written.
	 */
	private final class Trickler implements Runnable {

		private final HttpExchange exchange;

		private final WireRequest request;

		private final Outcome.Trickle trickle;

		private final OutputStream out;

		private final InputStream body;

		private long written;

		Trickler(HttpExchange exchange, WireRequest request, Outcome.Trickle trickle, OutputStream out,
				InputStream body) {
			this.exchange = exchange;
			this.request = request;
			this.trickle = trickle;
			this.out = out;
			this.body = body;
		}

		@Override
		public void run() {
			byte[] slice = new byte[this.trickle.bytesPerWrite()];
			try {
				int read = this.body.read(slice, 0, slice.length);
				if (read < 0) {
					this.out.close();
					finish();
					return;
				}
				this.out.write(slice, 0, read);
				this.out.flush();
				this.written += read;
			}
			catch (IOException clientGone) {
				finish();
				return;
			}
			if (!later(this.exchange, this.trickle.pause(), this)) {
				finish();
			}
		}

		private void finish() {
			this.exchange.close();
			ExchangeDispatcher.this.journal.update(this.request, this.trickle.response().status(), this.written);
		}

	}

}
