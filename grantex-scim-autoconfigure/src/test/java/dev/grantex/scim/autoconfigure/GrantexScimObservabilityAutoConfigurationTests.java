package dev.grantex.scim.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.MeterNotFoundException;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
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
import dev.grantex.scim.autoconfigure.metrics.GrantexScimRetryMetrics;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.observation.DefaultScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationContext;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.retry.ScimRetryListener;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's observations and retry metrics in an application: with Micrometer's
 * registries as Actuator brings them, without them, with the observations switched off by
 * property, and with the application's own convention.
 */
class GrantexScimObservabilityAutoConfigurationTests {

	private static final String OPERATION_TIMER = "grantex.scim.client.operation";

	private static FakeGrantexServer grantex;

	private static String apiKey;

	private static String scimToken;

	private final ApplicationContextRunner withoutMicrometer = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, GrantexScimAutoConfiguration.class))
		.withPropertyValues("grantex.retry.initial-delay=0ms");

	private final ApplicationContextRunner withMicrometer = this.withoutMicrometer
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				RestClientObservationAutoConfiguration.class));

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
		apiKey = grantex.createDeveloper();
		scimToken = grantex.createScimToken(apiKey, "observability-tests");
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
	void everyOperationIsTimedAndTaggedWithBootsRegistries() {
		FakeScimUser alice = grantex.seedUser(apiKey, "observed-alice");
		this.withMicrometer.withPropertyValues(grantexProperties()).run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			ScimUser user = client.getUser(alice.id());
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client.getUser("scimuser_nobody"));

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(OPERATION_TIMER)
				.tags("operation", "users.get", "outcome", "success", "status", "200", "exception", "none")
				.timer()
				.count()).isOne();
			assertThat(meters.get(OPERATION_TIMER)
				.tags("operation", "users.get", "outcome", "client-error", "status", "404", "exception",
						"ScimNotFoundException")
				.timer()
				.count()).isOne();
			// Spring's per-attempt timer is tagged by URI template, never by the id
			assertThat(meters.get("http.client.requests").tag("uri", "/scim/v2/Users/{id}").timers())
				.extracting((timer) -> timer.getId().getTag("status"))
				.containsExactlyInAnyOrder("200", "404");
			assertThat(meters.find("http.client.requests").timers())
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("uri")).doesNotContain(user.id()));
			assertThat(meters.find(OPERATION_TIMER).timers()).allSatisfy((timer) -> assertThat(timer.getId().getTags())
				.noneSatisfy((tag) -> assertThat(tag.getValue()).contains(user.id())));
		});
	}

	@Test
	void retriesAreCountedByClientOperationAndReason() {
		grantex.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));
		this.withMicrometer.withPropertyValues(grantexProperties()).run((context) -> {
			assertThat(context).hasSingleBean(GrantexScimRetryMetrics.class);
			context.getBean(ScimClient.class).listUsers();

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(GrantexScimRetryMetrics.METRIC_NAME)
				.tags("client.name", "grantex", "operation", "users.list", "reason", "server-unavailable")
				.counter()
				.count()).isEqualTo(1.0);
			assertThat(
					meters.get(OPERATION_TIMER).tags("operation", "users.list", "outcome", "success").timer().count())
				.isOne();
		});
	}

	@Test
	void observationsAreSwitchedOffByManagementObservationsEnableGrantex() {
		grantex.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));
		this.withMicrometer.withPropertyValues(grantexProperties())
			.withPropertyValues("management.observations.enable.grantex=false")
			.run((context) -> {
				context.getBean(ScimClient.class).listUsers();

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find(OPERATION_TIMER).timers()).isEmpty();
				// only this library's observations: Spring's per-attempt timer and the
				// retry counter remain
				assertThat(meters.get("http.client.requests").tag("uri", "/scim/v2/Users").timers()).hasSize(2);
				assertThat(meters.get(GrantexScimRetryMetrics.METRIC_NAME).counter().count()).isEqualTo(1.0);
			});
	}

	@Test
	void theApplicationsConventionNamesAndTagsTheObservations() {
		this.withMicrometer.withPropertyValues(grantexProperties())
			.withBean(ScimClientObservationConvention.class, ProvisioningCallsConvention::new)
			.run((context) -> {
				context.getBean(ScimClient.class).listUsers();

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find(OPERATION_TIMER).timers()).isEmpty();
				assertThat(meters.get("provisioning.calls")
					.tags("operation", "users.list", "tenant", "acme")
					.timer()
					.count()).isOne();
			});
	}

	@Test
	void theApplicationsRetryListenersAreTold() {
		grantex.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));
		List<ScimRetryListener.RetryEvent> retries = new CopyOnWriteArrayList<>();
		this.withoutMicrometer.withPropertyValues(grantexProperties())
			.withBean(ScimRetryListener.class, () -> retries::add)
			.run((context) -> {
				context.getBean(ScimClient.class).listUsers();
				assertThat(retries).singleElement()
					.satisfies((retry) -> assertThat(retry.reason().tag()).isEqualTo("server-unavailable"));
			});
	}

	@Test
	void withoutBootsRegistriesTheClientWorksUnobserved() {
		this.withoutMicrometer.withPropertyValues(grantexProperties()).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ObservationRegistry.class)
				.doesNotHaveBean(MeterRegistry.class)
				.doesNotHaveBean(GrantexScimRetryMetrics.class);
			assertThat(context.getBean(ScimClient.class).listUsers().totalResults()).isNotNegative();
		});
	}

	@Test
	void withoutMicrometerCoreOnTheClassPathTheClientWorksWithoutRetryMetrics() {
		this.withMicrometer.withPropertyValues(grantexProperties())
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ObservationRegistry.class)
					.doesNotHaveBean(GrantexScimRetryMetrics.class);
				assertThat(context.getBean(ScimClient.class).listUsers().totalResults()).isNotNegative();
			});
	}

	@Test
	void theRetryMetricsBackOffForTheApplicationsOwn() {
		this.withMicrometer.withPropertyValues(grantexProperties())
			.withBean("myRetryMetrics", GrantexScimRetryMetrics.class,
					() -> new GrantexScimRetryMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
			.run((context) -> assertThat(context).getBean(GrantexScimRetryMetrics.class)
				.isSameAs(context.getBean("myRetryMetrics")));
	}

	@Test
	void theRetryCounterAppearsWithTheFirstRetry() {
		this.withMicrometer.withPropertyValues(grantexProperties()).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThatExceptionOfType(MeterNotFoundException.class)
				.isThrownBy(() -> meters.get(GrantexScimRetryMetrics.METRIC_NAME).counter());
		});
	}

	static class ProvisioningCallsConvention extends DefaultScimClientObservationConvention {

		@Override
		public String getName() {
			return "provisioning.calls";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ScimClientObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("tenant", "acme");
		}

	}

}
