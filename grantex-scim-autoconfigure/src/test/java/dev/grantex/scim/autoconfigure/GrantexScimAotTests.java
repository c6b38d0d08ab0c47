package dev.grantex.scim.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter under Spring AOT, as a native image or an application run with
 * {@code -Dspring.aot.enabled=true} has it: what the auto-configuration and the client
 * need registered to work without reflection metadata of their own, and how the
 * application context that AOT generates behaves. AOT evaluates the conditions of every
 * auto-configuration when the application is built, so {@code grantex.enabled} and
 * {@code management.health.grantex-scim.enabled} take effect then, not at run time; the
 * credentials, the base URL and every other {@code grantex.*} setting are read at run
 * time.
 */
@CompileWithForkedClassLoader
class GrantexScimAotTests {

	private static FakeGrantexServer grantex;

	private static String scimToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, GrantexScimAutoConfiguration.class,
					GrantexScimHealthContributorAutoConfiguration.class, GrantexScimSanitizingAutoConfiguration.class));

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
		scimToken = grantex.createScimToken(grantex.createDeveloper(), "aot-tests");
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@BeforeEach
	void forgetRequests() {
		grantex.clearRequests();
	}

	@Test
	void thePropertiesAndEveryNestedRecordCanBeBound() {
		RuntimeHints hints = hints();
		for (Class<?> type : List.of(GrantexScimProperties.class, GrantexScimProperties.Scim.class,
				GrantexScimProperties.Http.class, GrantexScimProperties.Http.Ssl.class,
				GrantexScimProperties.Retry.class, GrantexScimProperties.RateLimit.class,
				GrantexScimProperties.Health.class)) {
			Constructor<?> canonical = type.getDeclaredConstructors()[0];
			assertThat(type.getDeclaredConstructors()).as(type.getName()).hasSize(1);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical)).as(type.getName())
				.accepts(hints);
		}
	}

	@Test
	void theFailureAnalyzersCanBeCreatedFromSpringFactories() throws Exception {
		RuntimeHints hints = hints();
		assertThat(RuntimeHintsPredicates.resource().forResource(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))
			.accepts(hints);
		List<String> analyzers = failureAnalyzersOfThisModule();
		assertThat(analyzers).containsExactlyInAnyOrder(GrantexScimCredentialsFailureAnalyzer.class.getName(),
				GrantexScimHttpClientFailureAnalyzer.class.getName(),
				GrantexScimPlaceholderFailureAnalyzer.class.getName());
		for (String analyzer : analyzers) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(TypeReference.of(analyzer))
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(analyzer).accepts(hints);
		}
	}

	@Test
	void theClassesTheClientLooksForByNameAreFoundInANativeImage() {
		RuntimeHints hints = hints();
		// on this class path: Apache HttpClient 5, not Jetty's nor Reactor Netty's client
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.apache.hc.client5.http.impl.classic.HttpClients"))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.apache.hc.core5.http.io.EofSensorInputStream"))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("org.eclipse.jetty.client.HttpClient")))
			.rejects(hints);
	}

	@Test
	void theGeneratedContextCallsGrantexAndReportsItsHealth() {
		Generated generation = processAheadOfTime(this.contextRunner);
		runGenerated(generation, Map.of("grantex.base-url", grantex.baseUrl().toString(), "grantex.scim.token",
				scimToken, "grantex.health.cache-ttl", "0"), (context) -> {
					assertThat(context.getBean(ScimClient.class).listUsers().resources()).isEmpty();
					HealthIndicator health = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
						.getContributor("grantexScim");
					Health result = health.health();
					assertThat(result.getStatus()).isEqualTo(Status.UP);
					assertThat(result.getDetails()).containsEntry("baseUrl", grantex.baseUrl().toString());
					assertThat(grantex.requests()).extracting(RecordedRequest::rawTarget)
						.containsExactly("/scim/v2/Users", "/scim/v2/ServiceProviderConfig",
								"/scim/v2/Users?startIndex=1&count=1");
				});
	}

	@Test
	void theGeneratedContextProbesTheApplicationsOwnClient() {
		Generated generation = processAheadOfTime(this.contextRunner.withUserConfiguration(OwnClient.class));
		runGenerated(generation, Map.of("grantex.health.cache-ttl", "0"), (context) -> {
			assertThat(context.getBeanNamesForType(ScimClient.class)).containsExactly("ownScimClient");
			HealthIndicator health = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
				.getContributor("grantexScim");
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			assertThat(grantex.requests()).extracting(RecordedRequest::rawTarget)
				.containsExactly("/scim/v2/ServiceProviderConfig", "/scim/v2/Users?startIndex=1&count=1");
		});
	}

	@Test
	void theGeneratedContextOfAnApplicationThatBuildsItsOwnClientsOmitsTheDefaultOne() {
		Generated generation = processAheadOfTime(this.contextRunner.withUserConfiguration(ClientPerAccount.class));
		runGenerated(generation, Map.of("grantex.health.cache-ttl", "0"), (context) -> {
			// the auto-configured client is a bean, but has no credential: health leaves
			// it out rather than fail to create it
			assertThat(context.getBeanNamesForType(ScimClient.class)).containsExactly("scimClient");
			HealthIndicator health = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
				.getContributor("grantexScim");
			assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(context.getBean(ClientPerAccount.class).clientFor(scimToken).listUsers().resources()).isEmpty();
		});
	}

	@Test
	void grantexEnabledFalseWhenTheApplicationIsBuiltCannotBeUndoneWhenItRuns() {
		Generated builtDisabled = processAheadOfTime(this.contextRunner.withPropertyValues("grantex.enabled=false"));
		runGenerated(builtDisabled, Map.of("grantex.enabled", "true", "grantex.scim.token", scimToken),
				(context) -> assertThat(context.getBeanNamesForType(ScimClient.class)).isEmpty());
	}

	@Test
	void grantexEnabledFalseWhenTheApplicationRunsChangesNothing() {
		runGenerated(processAheadOfTime(this.contextRunner),
				Map.of("grantex.enabled", "false", "grantex.scim.token", scimToken),
				(context) -> assertThat(context.getBeanNamesForType(ScimClient.class)).containsExactly("scimClient"));
	}

	@Test
	void theHealthSwitchTakesEffectWhenTheApplicationIsBuilt() {
		Generated builtWithout = processAheadOfTime(
				this.contextRunner.withPropertyValues("management.health.grantex-scim.enabled=false"));
		runGenerated(builtWithout, Map.of("management.health.grantex-scim.enabled", "true"),
				(context) -> assertThat(context.getBean(HealthContributorRegistry.class).getContributor("grantexScim"))
					.isNull());
	}

	@Test
	void theMissingCredentialAnalysisSaysToRebuildUnderAot() {
		GrantexScimCredentialsMissingException failure = new GrantexScimCredentialsMissingException(List.of());
		String jvm = new GrantexScimCredentialsFailureAnalyzer().analyze(failure).getAction();
		assertThat(jvm).endsWith("If this application should not call Grantex, set grantex.enabled=false.");
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
		try {
			assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
			String aot = new GrantexScimCredentialsFailureAnalyzer().analyze(failure).getAction();
			assertThat(aot).endsWith("If this application should not call Grantex, rebuild it with "
					+ "grantex.enabled=false: it runs with Spring AOT, which fixed at build time which beans exist, "
					+ "so setting the property now changes nothing.")
				.doesNotContain("set grantex.enabled=false.");
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
	}

	private RuntimeHints hints() {
		return processAheadOfTime(this.contextRunner).generation().getRuntimeHints();
	}

	/**
	 * Runs Spring's AOT processing on the application context the runner prepares, as the
	 * build of an application does.
	 */
	private static Generated processAheadOfTime(ApplicationContextRunner contextRunner) {
		TestGenerationContext generation = new TestGenerationContext();
		ClassName[] initializer = new ClassName[1];
		contextRunner.prepare((context) -> {
			initializer[0] = new ApplicationContextAotGenerator()
				.processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generation);
			generation.writeGeneratedContent();
		});
		return new Generated(generation, initializer[0]);
	}

	/**
	 * Compiles the generated code and starts the application context it describes, with
	 * these properties, as the application does when it runs.
	 */
	@SuppressWarnings("unchecked")
	private static void runGenerated(Generated generated, Map<String, String> properties,
			Consumer<GenericApplicationContext> assertions) {
		TestCompiler.forSystem().with(generated.generation()).compile((compiled) -> {
			try (GenericApplicationContext context = new GenericApplicationContext()) {
				TestPropertyValues.of(properties).applyTo(context);
				compiled.getInstance(ApplicationContextInitializer.class, generated.initializer().reflectionName())
					.initialize(context);
				context.refresh();
				assertions.accept(context);
			}
		});
	}

	/** The failure analyzers this module lists in its {@code spring.factories}. */
	private List<String> failureAnalyzersOfThisModule() throws IOException {
		List<String> analyzers = new ArrayList<>();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
			Properties factories = new Properties();
			try (InputStream in = url.openStream()) {
				factories.load(in);
			}
			for (String analyzer : factories.getProperty(FailureAnalyzer.class.getName(), "").split(",")) {
				if (analyzer.strip().startsWith(getClass().getPackageName() + ".")) {
					analyzers.add(analyzer.strip());
				}
			}
		}
		return analyzers;
	}

	private record Generated(TestGenerationContext generation, ClassName initializer) {
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		ScimClient ownScimClient() {
			return ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(scimToken).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientPerAccount {

		private final ObjectProvider<ScimClient.Builder> builders;

		ClientPerAccount(ObjectProvider<ScimClient.Builder> builders) {
			this.builders = builders;
		}

		ScimClient clientFor(String token) {
			return this.builders.getObject().baseUrl(grantex.baseUrl()).scimToken(token).build();
		}

	}

}
