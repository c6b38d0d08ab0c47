package dev.grantex.scim.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimCredential;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link GrantexScimAutoConfiguration}, one behaviour per test, with Boot's HTTP client
 * and RestClient auto-configurations as the starter brings them, against the fake Grantex
 * server where the wire matters.
 */
class GrantexScimAutoConfigurationTests {

	private static FakeGrantexServer grantex;

	private static String apiKey;

	private static String scimToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, GrantexScimAutoConfiguration.class));

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
		apiKey = grantex.createDeveloper();
		scimToken = grantex.createScimToken(apiKey, "autoconfigure-tests");
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@BeforeEach
	void forgetRequests() {
		grantex.clearRequests();
	}

	private static String baseUrl() {
		return "grantex.base-url=" + grantex.baseUrl();
	}

	@Test
	void clientIsCreatedWithOnlyAnApiKey() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.api-key=" + apiKey).run((context) -> {
			assertThat(context).hasSingleBean(ScimClient.class).hasSingleBean(GrantexScimProperties.class);
			ScimClient client = context.getBean(ScimClient.class);
			assertThat(client.createToken("only-api-key").label()).isEqualTo("only-api-key");
			assertThat(grantex.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + apiKey));
		});
	}

	@Test
	void clientIsCreatedWithOnlyAScimToken() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			assertThat(context).hasSingleBean(ScimClient.class);
			ScimUser user = context.getBean(ScimClient.class).createUser(CreateScimUserParams.of("only-token"));
			assertThat(grantex.users(apiKey)).extracting("id").contains(user.id());
			assertThat(grantex.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + scimToken));
		});
	}

	@Test
	void environmentVariablesSupplyTheCredentials() {
		Map<String, Object> variables = Map.of("GRANTEX_API_KEY", apiKey, "GRANTEX_SCIM_TOKEN", scimToken);
		this.contextRunner.withPropertyValues(baseUrl())
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables)))
			.run((context) -> {
				GrantexScimProperties properties = context.getBean(GrantexScimProperties.class);
				assertThat(properties.apiKey()).isEqualTo(apiKey);
				assertThat(properties.scim().token()).isEqualTo(scimToken);
			});
	}

	@Test
	void callNeedingTheMissingCredentialNamesItsPropertyAndSendsNothing() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			assertThatExceptionOfType(ScimMissingCredentialException.class)
				.isThrownBy(() -> client.createToken("needs-the-api-key"))
				.withMessageContaining("grantex.api-key")
				.satisfies((ex) -> assertThat(ex.credential()).isEqualTo(ScimCredential.API_KEY));
			assertThat(grantex.requests()).isEmpty();
		});
	}

	@Test
	void backsOffForTheApplicationsOwnScimClient() {
		this.contextRunner.withPropertyValues("grantex.api-key=" + apiKey)
			.withBean("myScimClient", ScimClient.class,
					() -> ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(scimToken).build())
			.run((context) -> assertThat(context).hasSingleBean(ScimClient.class).hasBean("myScimClient"));
	}

	@Test
	void backsOffForTheApplicationsOwnScimClientEvenWithoutCredentials() {
		this.contextRunner
			.withBean("myScimClient", ScimClient.class,
					() -> ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(scimToken).build())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ScimClient.class));
	}

	@Test
	void disabledByProperty() {
		this.contextRunner.withPropertyValues("grantex.enabled=false", "grantex.api-key=" + apiKey)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ScimClient.class)
				.doesNotHaveBean(GrantexScimProperties.class));
	}

	@Test
	void disabledByPropertyNeedsNoCredential() {
		this.contextRunner.withPropertyValues("grantex.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ScimClient.class));
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.contextRunner.withPropertyValues("grantex.base-url=https://unused.example", "grantex.api-key=" + apiKey)
			.withUserConfiguration(OrderedCustomizers.class)
			.run((context) -> {
				assertThat(context.getBean(OrderedCustomizers.class).applied).containsExactly("first", "second");
				// the last customizer's base URL wins over grantex.base-url
				context.getBean(ScimClient.class).listTokens();
				assertThat(grantex.requests()).hasSize(1);
			});
	}

	@Test
	void timeoutsFromGrantexPropertiesWinOverSpringHttpClients() {
		this.contextRunner.withUserConfiguration(RecordingRequestFactoryBuilder.class)
			.withPropertyValues("grantex.api-key=" + apiKey, "grantex.connect-timeout=3s", "grantex.read-timeout=7s",
					"spring.http.clients.connect-timeout=1s", "spring.http.clients.read-timeout=2s")
			.run((context) -> assertThat(context.getBean(RecordingRequestFactoryBuilder.class).settings())
				.satisfies((settings) -> {
					assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
					assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(7));
				}));
	}

	@Test
	void timeoutsDefaultToSpringHttpClients() {
		this.contextRunner.withUserConfiguration(RecordingRequestFactoryBuilder.class)
			.withPropertyValues("grantex.api-key=" + apiKey, "spring.http.clients.connect-timeout=1s",
					"spring.http.clients.read-timeout=2s")
			.run((context) -> assertThat(context.getBean(RecordingRequestFactoryBuilder.class).settings())
				.satisfies((settings) -> {
					assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
					assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(2));
				}));
	}

	@Test
	void timeoutsDefaultToTheClientsOwnDefaults() {
		this.contextRunner.withUserConfiguration(RecordingRequestFactoryBuilder.class)
			.withPropertyValues("grantex.api-key=" + apiKey)
			.run((context) -> assertThat(context.getBean(RecordingRequestFactoryBuilder.class).settings())
				.satisfies((settings) -> {
					assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
					assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
				}));
	}

	@Test
	void springHttpClientSettingsOtherThanTimeoutsAreKept() {
		this.contextRunner.withUserConfiguration(RecordingRequestFactoryBuilder.class)
			.withPropertyValues("grantex.api-key=" + apiKey, "grantex.read-timeout=5s",
					"spring.http.clients.redirects=dont-follow")
			.run((context) -> assertThat(context.getBean(RecordingRequestFactoryBuilder.class).settings().redirects())
				.isEqualTo(HttpRedirects.DONT_FOLLOW));
	}

	@Test
	void readTimeoutIsEnforcedOnTheWire() throws IOException {
		try (SilentServer silent = new SilentServer()) {
			this.contextRunner
				.withPropertyValues("grantex.base-url=" + silent.baseUrl(), "grantex.scim.token=" + scimToken,
						"grantex.read-timeout=300ms")
				.run((context) -> {
					ScimClient client = context.getBean(ScimClient.class);
					long started = System.nanoTime();
					assertThatExceptionOfType(ScimTransportException.class).isThrownBy(client::listUsers)
						.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.READ_TIMEOUT));
					assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
				});
		}
	}

	@Test
	void speaksHttp11ToAnHttpUrlWithBootsDefaultJdkRequestFactory() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			// nothing on the test class path but the JDK client: this is what Boot
			// detects by default
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
				.isInstanceOf(JdkClientHttpRequestFactoryBuilder.class);
			ScimClient client = context.getBean(ScimClient.class);
			ScimUser user = client.createUser(CreateScimUserParams.of("http11"));
			client.getUser(user.id());
			client.deleteUser(user.id());
			assertThat(grantex.requests()).hasSize(3).allSatisfy((request) -> {
				assertThat(request.headerValues("Upgrade")).isEmpty();
				assertThat(request.status()).isLessThan(400);
			});
		});
	}

	@Test
	void updatesAndDeletesUsersWithBootsHttpUrlConnectionFactory() {
		this.contextRunner
			.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken,
					"spring.http.clients.imperative.factory=simple")
			.run((context) -> {
				assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
					.isInstanceOf(SimpleClientHttpRequestFactoryBuilder.class);
				ScimClient client = context.getBean(ScimClient.class);
				ScimUser user = client.createUser(CreateScimUserParams.of("simple"));

				// HttpURLConnection cannot send PATCH, nor a DELETE without a form
				// content type that Grantex refuses
				assertThat(client.updateUser(user.id(), PatchOperation.replace("active", false)).active()).isFalse();
				client.deleteUser(user.id());
				assertThat(grantex.requests()).extracting(RecordedRequest::method)
					.containsExactly("POST", "PATCH", "DELETE");
				assertThat(grantex.requests()).allSatisfy((request) -> assertThat(request.status()).isLessThan(300));
			});
	}

	@Test
	void bootsOwnDefaultRestClientAsksForTheUpgradeThatGrantexRefuses() {
		// the control for the test above: the problem it guards against is real with this
		// setup
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken).run((context) -> {
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			assertThatThrownBy(() -> restClient.get()
				.uri(grantex.baseUrl() + "/scim/v2/ServiceProviderConfig")
				.retrieve()
				.toBodilessEntity()).isNotNull();
			assertThat(grantex.requests()).singleElement().satisfies((request) -> {
				assertThat(request.header("Upgrade")).isEqualTo("h2c");
				assertThat(request.status()).isEqualTo(400);
			});
		});
	}

	@Test
	void restClientCustomizersOfTheApplicationApply() {
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken)
			.withBean(RestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Application", "customized"))
			.run((context) -> {
				context.getBean(ScimClient.class).listUsers();
				assertThat(grantex.requests()).singleElement()
					.satisfies((request) -> assertThat(request.header("X-Application")).isEqualTo("customized"));
			});
	}

	@Test
	void restClientBuilderSharedWithTheApplicationIsLeftUnchanged() {
		RecordingInterceptor interceptor = new RecordingInterceptor();
		RestClient.Builder shared = RestClient.builder().requestInterceptor(interceptor);
		this.contextRunner.withPropertyValues(baseUrl(), "grantex.scim.token=" + scimToken)
			.withBean(RestClient.Builder.class, () -> shared)
			.run((context) -> {
				context.getBean(ScimClient.class).listUsers();
				// the client was built from the application's builder ...
				assertThat(interceptor.uris).singleElement()
					.satisfies((uri) -> assertThat(uri.getPath()).isEqualTo("/scim/v2/Users"));
				// ... without changing it: same interceptors, no default headers, no base
				// URL
				shared.requestInterceptors((interceptors) -> assertThat(interceptors).containsExactly(interceptor));
				shared.defaultHeaders((headers) -> assertThat(headers.isEmpty()).isTrue());
				RestClient plain = shared.build();
				assertThatThrownBy(() -> plain.get().uri("/scim/v2/Users").retrieve().toBodilessEntity())
					.isInstanceOf(RuntimeException.class);
				assertThat(interceptor.uris).hasSize(2)
					.last()
					.satisfies((uri) -> assertThat(uri.isAbsolute()).as("resolved against a base URL").isFalse());
			});
	}

	@Test
	void noCredentialAtAllFailsStartupWithTheFailureAnalysis() {
		this.contextRunner.withPropertyValues(baseUrl()).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new GrantexScimCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo(String.join(System.lineSeparator(),
					"The Grantex SCIM client has no credential to call Grantex with.", "",
					"Neither of these properties is set in any property source:", "",
					"    grantex.api-key      the developer API key, to manage SCIM tokens (/v1/scim/tokens)",
					"    grantex.scim.token   a SCIM token, to provision users (/scim/v2/Users)"));
			assertThat(analysis.getAction()).isEqualTo(String.join(System.lineSeparator(),
					"Set at least one of them, for example in application.yml:", "", "    grantex:",
					"      api-key: gx_test_...    # the developer API key", "      scim:",
					"        token: 3f9a...        # a SCIM token (64 hex characters) created with the API key", "",
					"or, to keep them out of files, in the environment, which Spring Boot binds to the same "
							+ "properties:",
					"", "    GRANTEX_API_KEY=gx_test_...", "    GRANTEX_SCIM_TOKEN=3f9a...", "",
					"The API key alone can create SCIM tokens; provisioning users needs the SCIM token.",
					"If you keep these settings in a profile-specific file, you may need to activate that profile "
							+ "(no profiles are currently active).",
					"If this application should not call Grantex, set grantex.enabled=false."));
		});
	}

	@Test
	void failureAnalysisNamesTheActiveProfiles() {
		this.contextRunner.withPropertyValues("spring.profiles.active=staging,eu").run((context) -> {
			FailureAnalysis analysis = new GrantexScimCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getAction()).contains("(the profiles \"staging\", \"eu\" are currently active)");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		ScimClientBuilderCustomizer second() {
			return (builder) -> {
				this.applied.add("second");
				builder.baseUrl(grantex.baseUrl());
			};
		}

		@Bean
		@Order(1)
		ScimClientBuilderCustomizer first() {
			return (builder) -> {
				this.applied.add("first");
				builder.baseUrl("https://overridden.example");
			};
		}

	}

	/**
	 * Stands in for an application's {@link ClientHttpRequestFactoryBuilder} bean,
	 * remembering the settings the client's factory was built with.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RecordingRequestFactoryBuilder {

		private final AtomicReference<@Nullable HttpClientSettings> settings = new AtomicReference<>();

		@Bean
		ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> recordingRequestFactoryBuilder() {
			return (settings) -> {
				this.settings.set(settings);
				return ClientHttpRequestFactoryBuilder.jdk().build(settings);
			};
		}

		HttpClientSettings settings() {
			HttpClientSettings recorded = this.settings.get();
			assertThat(recorded).as("settings the client's request factory was built with").isNotNull();
			return recorded;
		}

	}

	static class RecordingInterceptor implements ClientHttpRequestInterceptor {

		final List<URI> uris = new ArrayList<>();

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			this.uris.add(request.getURI());
			return execution.execute(request, body);
		}

	}

	/** Accepts connections on a loopback port and never answers. */
	static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		private final Thread acceptor;

		SilentServer() {
			try {
				this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.acceptor = new Thread(this::accept, "silent-server");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					this.accepted.add(this.socket.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			for (Socket each : this.accepted) {
				each.close();
			}
			try {
				this.acceptor.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
