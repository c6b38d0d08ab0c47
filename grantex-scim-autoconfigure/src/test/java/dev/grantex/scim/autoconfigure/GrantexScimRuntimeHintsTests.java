package dev.grantex.scim.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GrantexScimRuntimeHints}: the classes the client and the auto-configuration look
 * for by name are registered for a native image when they are on the class path at build
 * time, and Spring AOT finds the registrar.
 */
class GrantexScimRuntimeHintsTests {

	@Test
	void theClassesLookedForByNameAreRegisteredWhenPresent() {
		RuntimeHints hints = new RuntimeHints();
		new GrantexScimRuntimeHints().registerHints(hints, getClass().getClassLoader());
		// on this class path: Apache HttpClient 5, not Jetty's nor Reactor Netty's client
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.apache.hc.client5.http.impl.classic.HttpClients"))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.apache.hc.core5.http.io.EofSensorInputStream"))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("org.eclipse.jetty.client.HttpClient")))
			.rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("reactor.netty.http.client.HttpClient")))
			.rejects(hints);
	}

	@Test
	void springAotFindsTheRegistrar() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(GrantexScimRuntimeHints.class);
	}

}
