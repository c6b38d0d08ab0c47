package dev.grantex.scim.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the client needs in a native image beyond what Spring Boot registers: the classes
 * whose presence it checks by name (with {@code ClassUtils.isPresent}), which a native
 * image finds only when they are registered. Without them, the client would take Apache
 * HttpClient 5 for absent: the auto-configuration would refuse
 * {@code grantex.http.factory=http-components}, and a response body it gives up on would
 * be read to its end to close the connection instead of the connection being dropped.
 */
class GrantexScimRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The classes checked: Apache HttpClient 5 (by the core's builder and by the
	 * auto-configuration), its body stream (by the core, to drop a connection), Jetty's
	 * and Reactor Netty's clients (by the auto-configuration).
	 */
	static final String[] PROBED_CLASSES = { "org.apache.hc.client5.http.impl.classic.HttpClients",
			"org.apache.hc.core5.http.io.EofSensorInputStream", "org.eclipse.jetty.client.HttpClient",
			"reactor.netty.http.client.HttpClient" };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String className : PROBED_CLASSES) {
			hints.reflection().registerTypeIfPresent(classLoader, className, (hint) -> {
			});
		}
	}

}
