package dev.grantex.scim.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps the Grantex credentials
 * out of Actuator's {@code env} and {@code configprops} endpoints, whatever their
 * {@code show-values} setting, by key and by value. Applies only when Spring Boot
 * Actuator is on the class path, and also when {@code grantex.enabled=false}, since the
 * properties may still be set.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class GrantexScimSanitizingAutoConfiguration {

	GrantexScimSanitizingAutoConfiguration() {
	}

	@Bean
	SanitizingFunction grantexScimCredentialsSanitizingFunction(Environment environment,
			ObjectProvider<GrantexScimConnectionDetails> connectionDetails) {
		return new GrantexScimCredentialsSanitizingFunction(() -> {
			List<String> credentials = new ArrayList<>(GrantexScimCredentialsSanitizingFunction
				.credentials(property(environment, "grantex.api-key"), property(environment, "grantex.scim.token")));
			GrantexScimConnectionDetails details = connectionDetails.getIfAvailable();
			if (details != null) {
				credentials.addAll(
						GrantexScimCredentialsSanitizingFunction.credentials(details.apiKey(), details.scimToken()));
			}
			return credentials;
		});
	}

	private static @Nullable String property(Environment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (IllegalArgumentException ex) {
			// an unresolvable placeholder: nothing that could be a credential to look for
			return null;
		}
	}

}
