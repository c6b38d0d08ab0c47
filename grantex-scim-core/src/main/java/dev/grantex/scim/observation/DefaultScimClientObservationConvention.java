package dev.grantex.scim.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimFailureCategory;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.observation.ScimClientObservationDocumentation.HighCardinalityKeyNames;
import dev.grantex.scim.observation.ScimClientObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default names and tags: observation {@code grantex.scim.client.operation} (a timer
 * of that name with Spring Boot's metrics), tagged {@code operation}, {@code outcome},
 * {@code status}, {@code exception} and {@code client.name}; the user or token id only as
 * a high-cardinality key, for traces.
 */
public class DefaultScimClientObservationConvention implements ScimClientObservationConvention {

	/** The observation's name. */
	public static final String NAME = "grantex.scim.client.operation";

	private static final String NONE = "none";

	/**
	 * Creates the default convention; extend it to change some names or tags and keep the
	 * rest.
	 */
	public DefaultScimClientObservationConvention() {
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ScimClientObservationContext context) {
		return "grantex.scim " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ScimClientObservationContext context) {
		Throwable error = context.getError();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(error)),
				KeyValue.of(LowCardinalityKeyNames.STATUS, status(context)),
				KeyValue.of(LowCardinalityKeyNames.EXCEPTION,
						(error != null) ? error.getClass().getSimpleName() : NONE),
				KeyValue.of(LowCardinalityKeyNames.CLIENT_NAME, context.getClientName()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ScimClientObservationContext context) {
		String id = context.getResourceId();
		return (id != null) ? KeyValues.of(KeyValue.of(HighCardinalityKeyNames.RESOURCE_ID, id)) : KeyValues.empty();
	}

	/**
	 * The final HTTP status: that of the answer the operation ended with. A failure
	 * without an answer (a transport failure, even after an earlier attempt was answered)
	 * has none.
	 * @param context the operation's context
	 * @return the status, or {@code none}
	 */
	protected String status(ScimClientObservationContext context) {
		Throwable failure = context.getError();
		if (failure instanceof ScimInterruptedException interrupted && interrupted.getCause() != null) {
			failure = interrupted.getCause();
		}
		int status = context.getStatus();
		if (failure instanceof ScimApiException api) {
			status = api.statusCode();
		}
		else if (failure instanceof ScimProtocolException protocol) {
			status = protocol.statusCode();
		}
		else if (failure != null) {
			// no answer ended it: a transport failure, a missing credential
			status = -1;
		}
		return (status > 0) ? Integer.toString(status) : NONE;
	}

	/**
	 * Classifies how an operation ended: {@code success}, or the failure's own
	 * {@linkplain ScimException#category() category}; any other exception is a
	 * {@code client-error}.
	 * @param error the failure, or {@code null} on success
	 * @return {@code success}, {@code client-error}, {@code server-error},
	 * {@code rate-limited} or {@code transport-error}
	 */
	protected String outcome(@Nullable Throwable error) {
		if (error == null) {
			return "success";
		}
		return (error instanceof ScimException failure) ? failure.category().tag()
				: ScimFailureCategory.CLIENT_ERROR.tag();
	}

}
