package dev.grantex.scim.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata that the annotation processors generate into this module's own output,
 * merged with {@code additional-spring-configuration-metadata.json}, which IDEs read to
 * complete and document the properties, and the files through which Spring Boot finds the
 * auto-configurations, the failure analyzers and the AOT hints.
 */
class GrantexScimMetadataTests {

	private static Map<String, JsonNode> properties;

	private static Map<String, JsonNode> hints;

	@BeforeAll
	static void readMetadata() throws Exception {
		JsonNode metadata = JsonMapper.builder().build().readTree(read("META-INF/spring-configuration-metadata.json"));
		properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		hints = new HashMap<>();
		metadata.get("hints").forEach((hint) -> hints.put(hint.get("name").asString(), hint));
	}

	@Test
	void everyPropertyTheStarterReadsIsDocumented() {
		assertThat(properties).containsOnlyKeys("grantex.enabled", "grantex.base-url", "grantex.api-key",
				"grantex.scim.token", "grantex.patch-validation", "grantex.max-response-size", "grantex.http.factory",
				"grantex.http.connect-timeout", "grantex.http.read-timeout", "grantex.http.max-connections",
				"grantex.http.ssl.bundle", "grantex.retry.enabled", "grantex.retry.max-attempts",
				"grantex.retry.initial-delay", "grantex.retry.multiplier", "grantex.retry.max-delay",
				"grantex.retry.jitter", "grantex.retry.deadline", "grantex.retry.max-retry-after",
				"grantex.rate-limit.pacing", "grantex.rate-limit.reserve", "grantex.health.timeout",
				"grantex.health.cache-ttl", "grantex.health.validate-api-key",
				"management.health.grantex-scim.enabled");
		assertThat(properties.values()).allSatisfy(
				(property) -> assertThat(property.get("description").asString()).as(property.get("name").asString())
					.matches("[A-Z].*\\."));
	}

	@Test
	void everyBoundSettingHasItsProperty() {
		List<String> bound = new ArrayList<>();
		collect("grantex", GrantexScimProperties.class, bound);
		assertThat(properties.keySet()).containsAll(bound);
		assertThat(bound).hasSize(properties.size() - 1);
	}

	@Test
	void defaultsAreDocumented() {
		assertThat(defaultOf("grantex.enabled").asBoolean()).isTrue();
		assertThat(defaultOf("grantex.base-url").asString()).isEqualTo("https://api.grantex.dev");
		assertThat(defaultOf("grantex.patch-validation").asBoolean()).isTrue();
		assertThat(defaultOf("grantex.max-response-size").asString()).isEqualTo("4MB");
		assertThat(defaultOf("grantex.http.max-connections").asInt()).isEqualTo(64);
		assertThat(defaultOf("grantex.retry.enabled").asBoolean()).isTrue();
		assertThat(defaultOf("grantex.retry.max-attempts").asInt()).isEqualTo(4);
		assertThat(defaultOf("grantex.retry.initial-delay").asString()).isEqualTo("200ms");
		assertThat(defaultOf("grantex.retry.multiplier").asDouble()).isEqualTo(2.0);
		assertThat(defaultOf("grantex.retry.max-delay").asString()).isEqualTo("5s");
		assertThat(defaultOf("grantex.retry.jitter").asDouble()).isEqualTo(0.5);
		assertThat(defaultOf("grantex.retry.deadline").asString()).isEqualTo("60s");
		assertThat(defaultOf("grantex.retry.max-retry-after").asString()).isEqualTo("30s");
		assertThat(defaultOf("grantex.rate-limit.pacing").asBoolean()).isTrue();
		assertThat(defaultOf("grantex.rate-limit.reserve").asDouble()).isZero();
		assertThat(defaultOf("grantex.health.timeout").asString()).isEqualTo("3s");
		assertThat(defaultOf("grantex.health.cache-ttl").asString()).isEqualTo("30s");
		assertThat(defaultOf("grantex.health.validate-api-key").asBoolean()).isFalse();
		assertThat(defaultOf("management.health.grantex-scim.enabled").asBoolean()).isTrue();
	}

	@Test
	void theHttpSettingsSayWhatTheyFallBackTo() {
		assertThat(properties.get("grantex.http.factory").has("defaultValue")).isFalse();
		assertThat(description("grantex.http.factory")).contains("spring.http.clients.imperative.factory")
			.contains("http-components");
		assertThat(description("grantex.http.connect-timeout")).contains("spring.http.clients.connect-timeout")
			.contains("10 seconds");
		assertThat(description("grantex.http.read-timeout")).contains("spring.http.clients.read-timeout")
			.contains("30 seconds");
		assertThat(description("grantex.http.ssl.bundle")).contains("spring.ssl.bundle.*")
			.contains("spring.http.clients.ssl.bundle");
	}

	@Test
	void theSwitchesSayTheyAreFixedWhenBuiltWithSpringAot() {
		assertThat(description("grantex.enabled")).contains("Spring AOT").contains("when the application is built");
		assertThat(description("management.health.grantex-scim.enabled")).contains("grantexScim")
			.contains("Spring AOT")
			.contains("when the application is built");
		assertThat(properties.get("management.health.grantex-scim.enabled").get("type").asString())
			.isEqualTo(Boolean.class.getName());
	}

	@Test
	void theHttpFactoryHasAHintForEveryValue() {
		JsonNode hint = hints.get("grantex.http.factory");
		assertThat(hint).isNotNull();
		List<String> values = new ArrayList<>();
		hint.get("values").forEach((value) -> {
			values.add(value.get("value").asString());
			assertThat(value.get("description").asString()).matches("[A-Z].*\\.");
		});
		assertThat(values)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(ImperativeHttpClientsProperties.Factory.values())
				.map((factory) -> factory.name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toList());
		assertThat(hints).containsOnlyKeys("grantex.http.factory");
	}

	@Test
	void theAutoConfigurationsAreImportedByApplicationsAndByTheRestClientTestSlice() throws Exception {
		assertThat(read("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").lines())
			.containsExactly(GrantexScimAutoConfiguration.class.getName(),
					GrantexScimHealthContributorAutoConfiguration.class.getName(),
					GrantexScimSanitizingAutoConfiguration.class.getName());
		String slice = "org.springframework.boot.restclient.test.autoconfigure.AutoConfigureRestClient";
		// the file is named after the annotation that imports it: it must still exist
		assertThat(ClassUtils.isPresent(slice, getClass().getClassLoader())).isTrue();
		assertThat(read("META-INF/spring/" + slice + ".imports").lines())
			.containsExactly(GrantexScimAutoConfiguration.class.getName());
	}

	@Test
	void autoConfigurationMetadataOrdersAfterWhatTheClientUses() throws Exception {
		Properties metadata = new Properties();
		try (InputStream in = Files.newInputStream(outputOf("META-INF/spring-autoconfigure-metadata.properties"))) {
			metadata.load(in);
		}
		assertThat(metadata.getProperty(GrantexScimAutoConfiguration.class.getName() + ".AutoConfigureAfter"))
			.contains("org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration")
			.contains(
					"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration")
			.contains("org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
			.contains("org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
			.contains(
					"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration");
		assertThat(metadata
			.getProperty(GrantexScimHealthContributorAutoConfiguration.class.getName() + ".AutoConfigureAfter"))
			.isEqualTo(GrantexScimAutoConfiguration.class.getName());
	}

	@Test
	void theFailureAnalyzersAndTheAotHintsAreRegistered() throws Exception {
		Properties factories = new Properties();
		try (InputStream in = Files.newInputStream(outputOf("META-INF/spring.factories"))) {
			factories.load(in);
		}
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer").split(","))
			.containsExactly(GrantexScimCredentialsFailureAnalyzer.class.getName(),
					GrantexScimHttpClientFailureAnalyzer.class.getName(),
					GrantexScimPlaceholderFailureAnalyzer.class.getName());
		Properties aot = new Properties();
		try (InputStream in = Files.newInputStream(outputOf("META-INF/spring/aot.factories"))) {
			aot.load(in);
		}
		assertThat(aot.getProperty("org.springframework.aot.hint.RuntimeHintsRegistrar"))
			.isEqualTo(GrantexScimRuntimeHints.class.getName());
	}

	/** The property names a record binds, nested records included. */
	private static void collect(String prefix, Class<?> type, List<String> names) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebabCase(component.getName());
			if (component.getType().isRecord()) {
				collect(name, component.getType(), names);
			}
			else {
				names.add(name);
			}
		}
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static JsonNode defaultOf(String property) {
		assertThat(properties.get(property).has("defaultValue")).as(property).isTrue();
		return properties.get(property).get("defaultValue");
	}

	private static String description(String property) {
		return properties.get(property).get("description").asString();
	}

	private static String read(String resource) throws IOException, URISyntaxException {
		return Files.readString(outputOf(resource));
	}

	/** This module's own copy, not another jar's file of the same name. */
	private static Path outputOf(String resource) throws URISyntaxException {
		Path classes = Path.of(GrantexScimProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return classes.resolve(resource);
	}

}
