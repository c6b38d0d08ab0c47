package dev.grantex.scim.observation;

import java.io.IOException;
import java.time.Duration;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import dev.grantex.scim.error.ScimErrorResponse;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DefaultScimClientObservationConvention} on contexts made by hand, for the
 * endings the wire cannot easily produce on demand.
 */
class DefaultScimClientObservationConventionTests {

	private final DefaultScimClientObservationConvention convention = new DefaultScimClientObservationConvention();

	@Test
	void anInterruptedWaitToRetryIsClassifiedByTheFailureBeforeIt() {
		ScimClientObservationContext context = context();
		context.setStatus(503);
		context.setError(new ScimInterruptedException("interrupted while waiting to retry",
				new ScimServerException("503", response(503), false)));

		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("operation", "users.get"), KeyValue.of("outcome", "server-error"),
				KeyValue.of("status", "503"), KeyValue.of("exception", "ScimInterruptedException"),
				KeyValue.of("client.name", "grantex"));
	}

	@Test
	void aRateLimitedAttemptBeforeAnInterruptedWaitIsRateLimited() {
		ScimClientObservationContext context = context();
		context.setError(new ScimInterruptedException("interrupted",
				new ScimRateLimitException("429", response(429), Duration.ofSeconds(1))));

		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("outcome", "rate-limited"),
				KeyValue.of("status", "429"));
	}

	@Test
	void aTransportFailureAfterAnAnsweredAttemptHasNoStatus() {
		ScimClientObservationContext context = context();
		context.setStatus(503);
		context.setError(new ScimTransportException("reset", ScimTransportException.Kind.CONNECTION_RESET,
				new IOException("reset")));

		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of("outcome", "transport-error"), KeyValue.of("status", "none"));
	}

	@Test
	void anUnexpectedFailureIsAClientError() {
		ScimClientObservationContext context = context();
		context.setError(new IllegalStateException("a bug in a body reader"));

		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("outcome", "client-error"),
				KeyValue.of("status", "none"), KeyValue.of("exception", "IllegalStateException"));
	}

	@Test
	void supportsOnlyItsOwnContext() {
		assertThat(this.convention.supportsContext(context())).isTrue();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
	}

	@Test
	void documentationNamesTheDefaultConventionAndEveryKey() {
		ScimClientObservationDocumentation operation = ScimClientObservationDocumentation.OPERATION;
		assertThat(operation.getDefaultConvention()).isEqualTo(DefaultScimClientObservationConvention.class);
		assertThat(operation.getLowCardinalityKeyNames()).extracting((key) -> key.asString())
			.containsExactly("operation", "outcome", "status", "exception", "client.name");
		assertThat(operation.getHighCardinalityKeyNames()).extracting((key) -> key.asString())
			.containsExactly("grantex.scim.resource.id");
		assertThat(operation.getEvents()).extracting(Observation.Event::getName).containsExactly("retry");
	}

	private static ScimClientObservationContext context() {
		return new ScimClientObservationContext("users.get", "GET", "/scim/v2/Users/{id}", "scimuser_1");
	}

	private static ScimErrorResponse response(int status) {
		return new ScimErrorResponse(status, "GET /scim/v2/Users/{id}", null, null, null, null, null, null, null, "");
	}

}
