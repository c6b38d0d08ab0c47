package dev.grantex.scim.starter;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application gets by adding the starter: this module's test class path is the
 * starter's resolved compile and runtime dependencies, as Maven resolves them for a
 * consumer, plus JUnit and AssertJ. It is read through the class loader (every jar's
 * manifest, and marker classes), so it does not depend on how Surefire passes the class
 * path. The build also bans the same artifacts from the starter's dependency tree with
 * the Maven Enforcer plugin.
 */
class StarterDependenciesTests {

	/**
	 * Jar names that mean Actuator, a Micrometer meter registry, or a web server /
	 * servlet container.
	 */
	private static final List<Pattern> FORBIDDEN_JARS = List.of(Pattern.compile("spring-boot-(starter-)?actuator.*"),
			Pattern.compile("spring-boot-health-.*"), Pattern.compile("spring-boot-micrometer-metrics.*"),
			Pattern.compile("micrometer-core-.*"), Pattern.compile("micrometer-registry-.*"),
			Pattern.compile("spring-boot-web-server-.*"),
			Pattern.compile("spring-boot-(tomcat|jetty|undertow|reactor-netty)-.*"), Pattern.compile("tomcat-embed-.*"),
			Pattern.compile("jetty-.*"), Pattern.compile("undertow-.*"), Pattern.compile("reactor-netty-http-.*"),
			Pattern.compile("jakarta\\.servlet-api-.*"));

	@Test
	void classPathHoldsNoActuatorNoMeterRegistryAndNoServletContainer() throws IOException {
		List<String> jars = jarsOnTheClassPath();
		assertThat(jars).as("jars on the starter's class path")
			.isNotEmpty()
			.anyMatch((jar) -> jar.startsWith("spring-boot-http-client-"))
			.anyMatch((jar) -> jar.startsWith("httpclient5-"))
			.anyMatch((jar) -> jar.startsWith("jackson-core-"))
			.noneMatch((jar) -> jar.startsWith("jackson-databind-"));
		assertThat(jars)
			.noneMatch((jar) -> FORBIDDEN_JARS.stream().anyMatch((pattern) -> pattern.matcher(jar).matches()));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "dev.grantex.scim.ScimClient", "dev.grantex.scim.autoconfigure.GrantexScimAutoConfiguration",
					"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
					"org.apache.hc.client5.http.impl.classic.HttpClients", "tools.jackson.core.json.JsonFactory" })
	void bringsTheClientItsAutoConfigurationBootsHttpClientSettingsAndApacheHttpClient(String className) {
		assertThat(isPresent(className)).as(className).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
			"org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
			"org.springframework.boot.health.contributor.HealthIndicator",
			"io.micrometer.core.instrument.MeterRegistry", "io.micrometer.prometheusmetrics.PrometheusMeterRegistry",
			"jakarta.servlet.Servlet", "org.springframework.boot.web.server.WebServer",
			"org.apache.catalina.startup.Tomcat", "org.eclipse.jetty.server.Server", "io.undertow.Undertow",
			"reactor.netty.http.server.HttpServer",
			"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
			"tools.jackson.databind.json.JsonMapper" })
	void leavesActuatorMicrometerRegistriesServersAndRestClientSupportToTheApplication(String className) {
		assertThat(isPresent(className)).as(className).isFalse();
	}

	private static List<String> jarsOnTheClassPath() throws IOException {
		List<String> jars = new ArrayList<>();
		ClassLoader classLoader = StarterDependenciesTests.class.getClassLoader();
		for (URL manifest : Collections.list(classLoader.getResources("META-INF/MANIFEST.MF"))) {
			String location = manifest.toString();
			int end = location.indexOf("!/");
			if (location.startsWith("jar:") && end > 0) {
				String jar = location.substring(0, end);
				jars.add(jar.substring(jar.lastIndexOf('/') + 1));
			}
		}
		return jars;
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, StarterDependenciesTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
