package dev.grantex.scim.test.internal;

/**
 * What the fake does with one request. Today every request gets a {@link Respond}; scripted faults
 * (a fixed status and body, a delay before answering, a dropped connection) will be further
 * implementations, decided in {@link ExchangeDispatcher#decide(WireRequest)} and carried out in
 * {@link ExchangeDispatcher#handle(com.sun.net.httpserver.HttpExchange)}.
 */
sealed interface Outcome permits Outcome.Respond {

	/** Answer with this response. */
	record Respond(WireResponse response) implements Outcome {
	}
}
