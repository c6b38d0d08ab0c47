package dev.grantex.scim.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata that the annotation processors generate into this module's own output,
 * which IDEs read to complete and document {@code grantex.*} and Boot reads to order and
 * filter the auto-configuration early.
 */
class GrantexScimMetadataTests {

	@Test
	void everyPropertyIsDocumentedWithItsDefault() throws Exception {
		JsonNode metadata = JsonMapper.builder().build().readTree(read("META-INF/spring-configuration-metadata.json"));
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		assertThat(properties).containsOnlyKeys("grantex.enabled", "grantex.base-url", "grantex.api-key",
				"grantex.scim.token", "grantex.connect-timeout", "grantex.read-timeout", "grantex.patch-validation",
				"grantex.retry.enabled", "grantex.retry.max-attempts", "grantex.retry.initial-delay",
				"grantex.retry.multiplier", "grantex.retry.max-delay", "grantex.retry.jitter", "grantex.retry.deadline",
				"grantex.retry.max-retry-after", "grantex.health.timeout", "grantex.health.cache-ttl",
				"grantex.health.validate-api-key");
		assertThat(properties.values()).allSatisfy(
				(property) -> assertThat(property.get("description").asString()).as(property.get("name").asString())
					.matches("[A-Z].*\\."));
		assertThat(properties.get("grantex.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("grantex.base-url").get("defaultValue").asString())
			.isEqualTo("https://api.grantex.dev");
		assertThat(properties.get("grantex.patch-validation").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("grantex.connect-timeout").get("description").asString())
			.contains("spring.http.clients.connect-timeout")
			.contains("10 seconds");
		assertThat(properties.get("grantex.read-timeout").get("description").asString())
			.contains("spring.http.clients.read-timeout")
			.contains("30 seconds");
		assertThat(properties.get("grantex.health.timeout").get("defaultValue").asString()).isEqualTo("3s");
		assertThat(properties.get("grantex.health.cache-ttl").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("grantex.health.validate-api-key").get("defaultValue").asBoolean()).isFalse();
	}

	@Test
	void autoConfigurationMetadataOrdersAfterBootsHttpClientAndRestClient() throws Exception {
		Properties metadata = new Properties();
		try (InputStream in = Files.newInputStream(outputOf("META-INF/spring-autoconfigure-metadata.properties"))) {
			metadata.load(in);
		}
		assertThat(metadata.getProperty(GrantexScimAutoConfiguration.class.getName() + ".AutoConfigureAfter"))
			.contains("org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration")
			.contains(
					"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration")
			.contains("org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration");
		assertThat(read("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").lines())
			.containsExactly(GrantexScimAutoConfiguration.class.getName(),
					GrantexScimHealthContributorAutoConfiguration.class.getName(),
					GrantexScimSanitizingAutoConfiguration.class.getName());
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
