package dev.grantex.scim.autoconfigure.tenants;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.GrantexScimAutoConfiguration;
import dev.grantex.scim.autoconfigure.GrantexScimHealthContributorAutoConfiguration;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's example of an application that provisions into several Grantex accounts:
 * {@link TenantClients} builds one client per account from the starter's prototype
 * {@link ScimClient.Builder}, each with the base URL and SCIM token of its account, as
 * {@code tenants.yml} configures them; nothing is set under {@code grantex.*}. Two fake
 * Grantex servers play the two accounts.
 */
class TenantClientsTests {

	private static final String OPERATION_TIMER = "grantex.scim.client.operation";

	private static FakeGrantexServer acme;

	private static FakeGrantexServer globex;

	private static String acmeApiKey;

	private static String acmeToken;

	private static String globexApiKey;

	private static String globexToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				GrantexScimAutoConfiguration.class, GrantexScimHealthContributorAutoConfiguration.class))
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(TenantClients.class)
		.withPropertyValues("spring.config.location=classpath:tenants/tenants.yml");

	@BeforeAll
	static void startTheAccounts() {
		acme = FakeGrantexServer.start();
		acmeApiKey = acme.createDeveloper();
		acmeToken = acme.createScimToken(acmeApiKey, "acme-provisioning");
		globex = FakeGrantexServer.start();
		globexApiKey = globex.createDeveloper();
		globexToken = globex.createScimToken(globexApiKey, "globex-provisioning");
	}

	@AfterAll
	static void stopTheAccounts() {
		acme.close();
		globex.close();
	}

	@BeforeEach
	void forgetRequests() {
		acme.clearRequests();
		globex.clearRequests();
	}

	private ApplicationContextRunner withTheAccounts() {
		return this.contextRunner.withPropertyValues("ACME_GRANTEX_BASE_URL=" + acme.baseUrl(),
				"ACME_GRANTEX_SCIM_TOKEN=" + acmeToken, "GLOBEX_GRANTEX_BASE_URL=" + globex.baseUrl(),
				"GLOBEX_GRANTEX_SCIM_TOKEN=" + globexToken);
	}

	@Test
	void eachAccountsCallsGoToItsOwnGrantexWithItsOwnToken() {
		withTheAccounts().run((context) -> {
			ScimClient acmeClient = context.getBean("acmeScimClient", ScimClient.class);
			ScimClient globexClient = context.getBean("globexScimClient", ScimClient.class);

			ScimUser wile = acmeClient.createUser(CreateScimUserParams.of("wile.e.coyote@acme.example"));
			ScimUser hank = globexClient.createUser(CreateScimUserParams.of("hank.scorpio@globex.example"));

			assertThat(acme.users(acmeApiKey)).extracting(FakeScimUser::userName)
				.containsExactly("wile.e.coyote@acme.example");
			assertThat(globex.users(globexApiKey)).extracting(FakeScimUser::userName)
				.containsExactly("hank.scorpio@globex.example");
			assertThat(acmeClient.getUser(wile.id()).userName()).isEqualTo("wile.e.coyote@acme.example");
			assertThat(globexClient.getUser(hank.id()).userName()).isEqualTo("hank.scorpio@globex.example");
			assertThat(acme.requests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + acmeToken));
			assertThat(globex.requests()).hasSize(2)
				.allSatisfy(
						(request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + globexToken));
		});
	}

	@Test
	void theAutoConfiguredClientBacksOffForTheApplicationsOwn() {
		withTheAccounts().run((context) -> assertThat(context).hasNotFailed()
			.getBeanNames(ScimClient.class)
			.containsExactlyInAnyOrder("acmeScimClient", "globexScimClient"));
	}

	@Test
	void theMetricsTellTheAccountsApartByClientName() {
		withTheAccounts().run((context) -> {
			context.getBean("acmeScimClient", ScimClient.class).listUsers();
			context.getBean("acmeScimClient", ScimClient.class).listUsers();
			context.getBean("globexScimClient", ScimClient.class).listUsers();

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(OPERATION_TIMER)
				.tags("client.name", "acme", "operation", "users.list", "outcome", "success")
				.timer()
				.count()).isEqualTo(2);
			assertThat(meters.get(OPERATION_TIMER)
				.tags("client.name", "globex", "operation", "users.list", "outcome", "success")
				.timer()
				.count()).isOne();
			assertThat(meters.find(OPERATION_TIMER).timers()).extracting((timer) -> timer.getId().getTag("client.name"))
				.containsOnly("acme", "globex");
		});
	}

	@Test
	void theHealthHasAComponentPerAccountNamedAfterItsBean() {
		withTheAccounts().run((context) -> {
			HealthContributor grantexScim = context.getBean(HealthContributorRegistry.class)
				.getContributor("grantexScim");
			assertThat(grantexScim).isInstanceOf(CompositeHealthContributor.class);
			HealthContributors components = (HealthContributors) grantexScim;
			assertThat(components.stream().map(HealthContributors.Entry::name))
				.containsExactlyInAnyOrder("acmeScimClient", "globexScimClient");

			Health acmeHealth = ((HealthIndicator) components.getContributor("acmeScimClient")).health();
			Health globexHealth = ((HealthIndicator) components.getContributor("globexScimClient")).health();

			assertThat(acmeHealth.getStatus()).isEqualTo(Status.UP);
			assertThat(acmeHealth.getDetails()).containsEntry("baseUrl", acme.baseUrl().toString());
			assertThat(globexHealth.getStatus()).isEqualTo(Status.UP);
			assertThat(globexHealth.getDetails()).containsEntry("baseUrl", globex.baseUrl().toString());
			// each probed its own account, with its own token
			assertThat(acme.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly("/scim/v2/ServiceProviderConfig", "/scim/v2/Users?startIndex=1&count=1");
			assertThat(acme.requests().get(1).header("Authorization")).isEqualTo("Bearer " + acmeToken);
			assertThat(globex.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly("/scim/v2/ServiceProviderConfig", "/scim/v2/Users?startIndex=1&count=1");
			assertThat(globex.requests().get(1).header("Authorization")).isEqualTo("Bearer " + globexToken);
		});
	}

	@Test
	void withTheJdkHttpClientAnAccountOverHttpIsCalledOverHttp11() {
		// grantex.* still configures what the accounts share, here the JDK's HttpClient;
		// grantex.base-url (https by default) does not decide how another Grantex is
		// spoken to: over http://, Grantex refuses the JDK's upgrade to HTTP/2
		withTheAccounts().withPropertyValues("grantex.http.factory=jdk").run((context) -> {
			context.getBean("acmeScimClient", ScimClient.class).listUsers();
			context.getBean("globexScimClient", ScimClient.class).listUsers();
			assertThat(List.of(acme.requests(), globex.requests())).allSatisfy(
					(requests) -> assertThat(requests).extracting(RecordedRequest::status).containsExactly(200));
		});
	}

}
