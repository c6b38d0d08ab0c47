package dev.grantex.scim.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of client operations. Implement it, or extend
 * {@link DefaultScimClientObservationConvention}, to change them, and give it to
 * {@code ScimClient.Builder.observationConvention(...)} (with Spring Boot: declare it as
 * a bean).
 */
public interface ScimClientObservationConvention extends ObservationConvention<ScimClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ScimClientObservationContext;
	}

}
