package dev.grantex.scim.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps the Grantex credentials
 * out of Actuator's {@code env} and {@code configprops} endpoints, whatever their
 * {@code show-values} setting. Applies only when Spring Boot Actuator is on the class
 * path, and also when {@code grantex.enabled=false}, since the properties may still be
 * set.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class GrantexScimSanitizingAutoConfiguration {

	GrantexScimSanitizingAutoConfiguration() {
	}

	@Bean
	SanitizingFunction grantexScimCredentialsSanitizingFunction() {
		return new GrantexScimCredentialsSanitizingFunction();
	}

}
