package dev.grantex.scim.autoconfigure.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.grantex.scim.retry.ScimRetryListener;

/**
 * Counts the retries of a {@link dev.grantex.scim.ScimClient} as
 * {@code grantex.scim.client.retries}, tagged with the {@code client.name} (as in the
 * client's observations), the {@code operation} (e.g. {@code users.get}) and the
 * {@code reason} (e.g. {@code rate-limited}, {@code server-unavailable}); neither tag
 * ever holds an id, personal data or a credential. With Spring Boot, it is a bean
 * whenever there is a {@link MeterRegistry}, and every client Boot configures is given
 * it.
 */
public class GrantexScimRetryMetrics implements ScimRetryListener {

	/** The counter's name. */
	public static final String METRIC_NAME = "grantex.scim.client.retries";

	private final MeterRegistry meterRegistry;

	/**
	 * Creates the listener.
	 * @param meterRegistry where the counter is registered
	 */
	public GrantexScimRetryMetrics(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onRetry(RetryEvent event) {
		Counter.builder(METRIC_NAME)
			.description("Retries of Grantex SCIM client operations")
			.tag("client.name", event.clientName())
			.tag("operation", event.operation())
			.tag("reason", event.reason().tag())
			.register(this.meterRegistry)
			.increment();
	}

}
