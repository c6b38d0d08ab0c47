package dev.grantex.scim.autoconfigure.observability;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimToken;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An application with Actuator and a web server, against the fake Grantex server: the
 * calls it makes appear in {@code /actuator/metrics}, tagged without ids or personal
 * data, and {@code /actuator/health} follows Grantex down and back up. The health result
 * is cached for only 200 ms here, so that each change shows quickly.
 */
@SpringBootTest(classes = ObservedProvisioningApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics",
				"management.endpoint.health.show-details=always", "grantex.health.cache-ttl=200ms",
				"grantex.health.timeout=5s", "grantex.retry.initial-delay=0ms" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GrantexScimActuatorApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final FakeGrantexServer grantex = FakeGrantexServer.start();

	private static final String apiKey = grantex.createDeveloper();

	private static final String scimToken = grantex.createScimToken(apiKey, "okta-prod");

	@DynamicPropertySource
	static void grantexProperties(DynamicPropertyRegistry registry) {
		registry.add("grantex.base-url", () -> grantex.baseUrl().toString());
		registry.add("grantex.api-key", () -> apiKey);
		registry.add("grantex.scim.token", () -> scimToken);
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ScimClient scim;

	@Test
	@Order(1)
	void callsAreTimedAndCountedInTheMetricsEndpoint() {
		// the health probes that run meanwhile are not the application's calls: they do
		// not count
		assertThat(health().at("/components/grantexScim/status").asString()).isEqualTo("UP");
		ScimUser alice = this.scim.createUser(CreateScimUserParams.builder("alice.liddell")
			.displayName("Alice Liddell")
			.email(ScimEmail.primary("alice@example.com", "work"))
			.build());
		this.scim.getUser(alice.id());
		assertThatExceptionOfType(ScimNotFoundException.class).isThrownBy(() -> this.scim.getUser("scimuser_gone"));
		grantex.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));
		this.scim.listUsers();

		JsonNode operations = get("/actuator/metrics/grantex.scim.client.operation");
		assertThat(tagValues(operations, "operation")).containsExactlyInAnyOrder("users.create", "users.get",
				"users.list");
		assertThat(tagValues(operations, "outcome")).containsExactlyInAnyOrder("success", "client-error");
		assertThat(tagValues(operations, "status")).containsExactlyInAnyOrder("201", "200", "404");
		assertThat(tagValues(operations, "exception")).containsExactlyInAnyOrder("none", "ScimNotFoundException");
		assertThat(operations.toString()).doesNotContain(alice.id(), "alice", "Alice", "scimuser_gone", scimToken);
		assertThat(count("/actuator/metrics/grantex.scim.client.operation", "operation:users.get", "outcome:success"))
			.isEqualTo(1.0);
		assertThat(count("/actuator/metrics/grantex.scim.client.operation", "operation:users.list")).isEqualTo(1.0);

		JsonNode retries = get("/actuator/metrics/grantex.scim.client.retries");
		assertThat(tagValues(retries, "operation")).containsExactly("users.list");
		assertThat(tagValues(retries, "reason")).containsExactly("server-unavailable");
		assertThat(count("/actuator/metrics/grantex.scim.client.retries")).isEqualTo(1.0);

		JsonNode attempts = get("/actuator/metrics/http.client.requests");
		assertThat(tagValues(attempts, "uri")).containsExactlyInAnyOrder("/scim/v2/Users", "/scim/v2/Users/{id}");
		assertThat(count("/actuator/metrics/http.client.requests", "uri:/scim/v2/Users/{id}")).isEqualTo(2.0);
		assertThat(attempts.toString()).doesNotContain(alice.id(), "scimuser_gone");
	}

	@Test
	@Order(2)
	void healthFollowsGrantexDownAndBackUp() {
		JsonNode up = awaitGrantexScim("UP");
		assertThat(up.at("/details/baseUrl").asString()).isEqualTo(grantex.baseUrl().toString());
		assertThat(up.at("/details/latency").asString()).matches("\\d+ms");
		assertThat(up.at("/details/credentials/scimToken").asString()).isEqualTo("valid");
		assertThat(up.at("/details/credentials/apiKey").asString()).isEqualTo("not checked");
		assertThat(up.at("/details/capabilities/patch").asBoolean()).isTrue();
		assertThat(up.at("/details/capabilities/bulk").asBoolean()).isFalse();

		// the fake refuses the token once
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.status(401, "application/json",
					"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"Invalid SCIM token\","
							+ "\"scimType\":\"unauthorized\",\"status\":401}"));
		JsonNode refused = awaitGrantexScim("DOWN");
		assertThat(health().at("/status").asString()).isEqualTo("DOWN");
		assertThat(refused.at("/details/credentials/scimToken").asString()).isEqualTo("refused");
		assertThat(refused.at("/details/statusCode").asInt()).isEqualTo(401);
		assertThat(refused.at("/details/hint").asString())
			.isEqualTo("SCIM token refused: set grantex.scim.token to a valid, unrevoked SCIM token");
		awaitGrantexScim("UP");

		// the fake's connections break
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"), Fault.dropBeforeProcessing(),
					Fault.dropBeforeProcessing());
		JsonNode broken = awaitGrantexScim("DOWN");
		assertThat(broken.at("/details/error").asString()).isEqualTo("transport error: connection reset");
		assertThat(awaitGrantexScim("UP").at("/status").asString()).isEqualTo("UP");

		// the token is revoked for good
		for (FakeScimToken token : grantex.tokens(apiKey)) {
			this.scim.revokeToken(token.id());
		}
		JsonNode revoked = awaitGrantexScim("DOWN");
		assertThat(revoked.at("/details/credentials/scimToken").asString()).isEqualTo("refused");

		// the fake goes away
		grantex.close();
		JsonNode gone = awaitGrantexScim("DOWN", "/details/error", "transport error: connect refused");
		assertThat(gone.at("/details/hint").asString())
			.isEqualTo("Grantex is unreachable: check grantex.base-url and that the server is up");
		assertThat(gone.toString()).doesNotContain(apiKey, scimToken);
	}

	private JsonNode awaitGrantexScim(String status) {
		return awaitGrantexScim(status, "/status", status);
	}

	private JsonNode awaitGrantexScim(String status, String pointer, String expected) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			JsonNode component = health().at("/components/grantexScim");
			last.set(component);
			assertThat(component.at("/status").asString()).isEqualTo(status);
			assertThat(component.at(pointer).asString()).isEqualTo(expected);
		});
		return last.get();
	}

	private JsonNode health() {
		return get("/actuator/health");
	}

	private double count(String path, String... tags) {
		StringBuilder query = new StringBuilder();
		for (String tag : tags) {
			query.append((query.length() == 0) ? "?" : "&")
				.append("tag=")
				.append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
		}
		for (JsonNode measurement : get(path + query).get("measurements")) {
			if ("COUNT".equals(measurement.get("statistic").asString())) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("No COUNT in " + path + query);
	}

	private static List<String> tagValues(JsonNode metric, String tag) {
		List<String> values = new ArrayList<>();
		for (JsonNode available : metric.get("availableTags")) {
			if (tag.equals(available.get("tag").asString())) {
				available.get("values").forEach((value) -> values.add(value.asString()));
			}
		}
		return values;
	}

	private JsonNode get(String pathAndQuery) {
		// the JDK's client: Apache HttpClient, Spring's default when present, repeats a
		// GET that
		// meets 503 (a DOWN health) after a second, and would show the next answer
		// instead
		String body = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.build()
			.get()
			.uri(URI.create("http://localhost:" + this.port + pathAndQuery))
			.exchange((request, response) -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
		return json.readTree(body);
	}

}
