package dev.grantex.scim.test.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What the fake does with one request: answer it (normally, or with a scripted answer),
 * close the connection without an answer, cut the answer short, or answer later without
 * holding a worker thread. Decided in {@link ExchangeDispatcher#decide(WireRequest)} and
 * carried out in {@link ExchangeDispatcher#handle(com.sun.net.httpserver.HttpExchange)}.
 */
sealed interface Outcome
		permits Outcome.Respond, Outcome.Drop, Outcome.Truncate, Outcome.Stall, Outcome.Delay, Outcome.Trickle {

	/**
	 * Answer with this response.
	 *
	 * @param response the answer
	 * @param fault the scripted fault that shaped the answer, or {@code null} for the
	 * server's own
	 */
	record Respond(WireResponse response, @Nullable String fault) implements Outcome {

		Respond(WireResponse response) {
			this(response, null);
		}
	}

	/**
	 * Close the connection without answering.
	 *
	 * @param status the status of the answer that is lost (the request was processed), or
	 * 0 when the request was not processed
	 * @param fault the fault's description
	 */
	record Drop(int status, String fault) implements Outcome {
	}

	/**
	 * Send the head of this response with its full length, then half the body, then
	 * close.
	 *
	 * @param response the answer to cut short
	 * @param fault the fault's description
	 */
	record Truncate(WireResponse response, String fault) implements Outcome {
	}

	/**
	 * Send the head of this response with its full length and half the body, then the
	 * rest after the stall.
	 *
	 * @param response the answer
	 * @param stall the wait in the middle of the body
	 * @param fault the fault's description
	 */
	record Stall(WireResponse response, Duration stall, String fault) implements Outcome {
	}

	/**
	 * Wait, then answer with what {@code then} decides at that moment.
	 *
	 * @param delay the wait
	 * @param status the status known now (0 when the request will only be processed after
	 * the wait)
	 * @param then what to answer once the wait is over
	 * @param fault the fault's description
	 */
	record Delay(Duration delay, int status, Supplier<Respond> then, String fault) implements Outcome {
	}

	/**
	 * Send the head of this endless response at once, then its body a few bytes after
	 * each pause, for as long as the client reads.
	 *
	 * @param response the answer, whose body is generated
	 * @param pause the wait before each write
	 * @param bytesPerWrite the bytes each write sends
	 * @param fault the fault's description
	 */
	record Trickle(WireResponse response, Duration pause, int bytesPerWrite, String fault) implements Outcome {
	}

}
