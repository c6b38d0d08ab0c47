package dev.grantex.scim.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.health.GrantexScimHealthIndicator;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GrantexScimHealthContributorAutoConfiguration}: when the indicator is
 * contributed, and that its probes use {@code grantex.health.*}: no retry, their own
 * timeout, the API key only when asked, and no observation.
 */
class GrantexScimHealthContributorAutoConfigurationTests {

	private static FakeGrantexServer grantex;

	private static String apiKey;

	private static String scimToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				GrantexScimAutoConfiguration.class, GrantexScimHealthContributorAutoConfiguration.class));

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
		apiKey = grantex.createDeveloper();
		scimToken = grantex.createScimToken(apiKey, "health-tests");
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@BeforeEach
	void reset() {
		grantex.faults().clear();
		grantex.clearRequests();
	}

	private static String[] grantexProperties() {
		return new String[] { "grantex.base-url=" + grantex.baseUrl(), "grantex.api-key=" + apiKey,
				"grantex.scim.token=" + scimToken };
	}

	@Test
	void indicatorIsContributedAndUpAgainstAHealthyGrantex() {
		this.contextRunner.withPropertyValues(grantexProperties()).run((context) -> {
			assertThat(context).hasSingleBean(GrantexScimHealthIndicator.class).hasBean("grantexScimHealthContributor");
			Health health = context.getBean(GrantexScimHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("baseUrl", grantex.baseUrl().toString())
				.containsEntry("credentials", Map.of("scimToken", "valid", "apiKey", "not checked"))
				.containsKeys("latency", "capabilities");
			assertThat(health.getDetails().toString()).doesNotContain(apiKey).doesNotContain(scimToken);
			// the cheap, unmetered calls only
			assertThat(grantex.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly("/scim/v2/ServiceProviderConfig", "/scim/v2/Users?startIndex=1&count=1");
		});
	}

	@Test
	void apiKeyIsValidatedOnlyWhenAskedTo() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("grantex.health.validate-api-key=true")
			.run((context) -> {
				Health health = context.getBean(GrantexScimHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("credentials",
						Map.of("scimToken", "valid", "apiKey", "valid"));
				assertThat(grantex.requests()).extracting(RecordedRequest::rawTarget).contains("/v1/scim/tokens");
			});
	}

	@Test
	void withOnlyAnApiKeyOnlyTheConfigurationIsRead() {
		this.contextRunner.withPropertyValues("grantex.base-url=" + grantex.baseUrl(), "grantex.api-key=" + apiKey)
			.run((context) -> {
				Health health = context.getBean(GrantexScimHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("credentials",
						Map.of("scimToken", "not configured", "apiKey", "not checked"));
				assertThat(grantex.requests()).extracting(RecordedRequest::rawTarget)
					.containsExactly("/scim/v2/ServiceProviderConfig");
			});
	}

	@Test
	void probesNeverRetryAndUseTheHealthTimeout() {
		grantex.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.delayThenProcess(Duration.ofSeconds(3)));
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("grantex.health.timeout=300ms", "grantex.http.read-timeout=10s")
			.run((context) -> {
				long start = System.nanoTime();
				Health health = context.getBean(GrantexScimHealthIndicator.class).health();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", "no answer within 300ms")
					.containsEntry("hint", "Grantex did not answer within grantex.health.timeout")
					.doesNotContainKey("capabilities");
				assertThat(grantex.requests()).hasSize(1);
			});
	}

	@Test
	void probesAreNotObservedNorCountedAsTheApplicationsCalls() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class))
			.withPropertyValues(grantexProperties())
			.run((context) -> {
				assertThat(context.getBean(GrantexScimHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
				io.micrometer.core.instrument.MeterRegistry meters = context
					.getBean(io.micrometer.core.instrument.MeterRegistry.class);
				assertThat(meters.find("grantex.scim.client.operation").timers()).isEmpty();
				assertThat(meters.find("http.client.requests").timers()).isEmpty();

				context.getBean(ScimClient.class).listUsers();
				assertThat(meters.find("grantex.scim.client.operation").timers()).hasSize(1);
			});
	}

	@Test
	void disabledByManagementHealthGrantexScimEnabled() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("management.health.grantex-scim.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ScimClient.class)
				.doesNotHaveBean(HealthIndicator.class));
	}

	@Test
	void disabledWithTheDefaultIndicators() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GrantexScimHealthIndicator.class));
	}

	@Test
	void notContributedWithoutBootsHealthSupport() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ScimClient.class)
				.doesNotHaveBean(GrantexScimHealthIndicator.class));
	}

	@Test
	void notContributedWhenTheClientIsDisabled() {
		this.contextRunner.withPropertyValues("grantex.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GrantexScimHealthIndicator.class));
	}

	@Test
	void backsOffForTheApplicationsOwnIndicator() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withBean("grantexScimHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(GrantexScimHealthIndicator.class)
				.hasBean("grantexScimHealthIndicator"));
	}

	@Test
	void healthPropertiesDefaultAndBind() {
		GrantexScimProperties.Health defaults = bind(Map.of()).health();
		assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(defaults.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.validateApiKey()).isFalse();

		GrantexScimProperties.Health health = bind(Map.of("grantex.health.timeout", "750ms", "grantex.health.cache-ttl",
				"0s", "grantex.health.validate-api-key", "true"))
			.health();
		assertThat(health).isEqualTo(new GrantexScimProperties.Health(Duration.ofMillis(750), Duration.ZERO, true));
		assertThat(bind(Map.of()).toString()).contains("health=Health[timeout=PT3S, cacheTtl=PT30S");
	}

	@Test
	void invalidHealthPropertiesFailStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("grantex.health.timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("grantex.health.timeout must be positive, such as 10s or 500ms, was 0ms"));
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("grantex.health.cache-ttl=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("grantex.health.cache-ttl must not be negative (0 turns the cache off), was -1000ms"));
	}

	@Test
	void emptyHealthPropertiesKeepTheirDefaults() {
		this.contextRunner.withPropertyValues(grantexProperties())
			.withPropertyValues("grantex.health.timeout=", "grantex.health.cache-ttl=")
			.run((context) -> assertThat(context.getBean(GrantexScimProperties.class).health())
				.isEqualTo(new GrantexScimProperties.Health(Duration.ofSeconds(3), Duration.ofSeconds(30), false)));
	}

	private static GrantexScimProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("grantex",
				GrantexScimProperties.class);
	}

}
