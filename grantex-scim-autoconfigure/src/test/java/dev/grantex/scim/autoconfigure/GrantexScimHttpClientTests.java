package dev.grantex.scim.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.StaticApplicationContext;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimRedirectException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The HTTP client of the auto-configured {@link ScimClient}: Apache HttpClient 5 by
 * default, or the one {@code grantex.http.factory} (else
 * {@code spring.http.clients.imperative.factory}) names, built with Spring Boot's
 * builders, never following a redirect, with a read timeout that covers the body. Each
 * transport does every operation against the fake Grantex server.
 */
class GrantexScimHttpClientTests {

	private static FakeGrantexServer grantex;

	private static FakeGrantexServer elsewhere;

	private static String apiKey;

	private static String scimToken;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, GrantexScimAutoConfiguration.class))
		.withPropertyValues("grantex.retry.enabled=false");

	@BeforeAll
	static void startGrantex() {
		grantex = FakeGrantexServer.start();
		elsewhere = FakeGrantexServer.start();
		apiKey = grantex.createDeveloper();
		scimToken = grantex.createScimToken(apiKey, "http-client-tests");
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
		elsewhere.close();
	}

	@BeforeEach
	void forgetRequests() {
		grantex.faults().clear();
		grantex.clearRequests();
		elsewhere.clearRequests();
	}

	private ApplicationContextRunner grantex(String... properties) {
		return this.contextRunner
			.withPropertyValues("grantex.base-url=" + grantex.baseUrl(), "grantex.api-key=" + apiKey,
					"grantex.scim.token=" + scimToken)
			.withPropertyValues(properties);
	}

	@Test
	void theDefaultIsApacheHttpClientWithoutCompression() {
		grantex().run((context) -> {
			context.getBean(ScimClient.class).listUsers();
			assertThat(grantex.requests()).singleElement().satisfies((request) -> {
				assertThat(request.header("User-Agent")).startsWith("Apache-HttpClient/");
				assertThat(request.header("Accept-Encoding")).isNull();
			});
		});
	}

	@Test
	void springHttpClientsFactoryAppliesWhenGrantexHasNone() {
		grantex("spring.http.clients.imperative.factory=jdk").run((context) -> {
			context.getBean(ScimClient.class).listUsers();
			assertThat(grantex.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("User-Agent")).startsWith("Java-http-client/"));
		});
	}

	@Test
	void grantexHttpFactoryWinsOverSpringHttpClients() {
		grantex("spring.http.clients.imperative.factory=jdk", "grantex.http.factory=http-components").run((context) -> {
			context.getBean(ScimClient.class).listUsers();
			assertThat(grantex.requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("User-Agent")).startsWith("Apache-HttpClient/"));
		});
	}

	@ParameterizedTest(name = "grantex.http.factory={0}")
	@ValueSource(strings = { "http-components", "jdk", "simple" })
	void everyTransportDoesEveryOperationSpeakingHttp11(String factory) {
		grantex("grantex.http.factory=" + factory).run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			ScimUser user = client.createUser(CreateScimUserParams.of("every-" + factory));
			client.getUser(user.id());
			client.listUsers();
			client.listUsers(1, 5);
			assertThat(client.updateUser(user.id(), PatchOperation.replace("active", false)).active()).isFalse();
			client.replaceUser(user.id(), CreateScimUserParams.of("every-" + factory));
			client.deleteUser(user.id());
			ScimTokenWithSecret token = client.createToken("every-" + factory);
			client.listTokens();
			client.revokeToken(token.id());
			client.getServiceProviderConfig();
			assertThat(grantex.requests()).extracting(RecordedRequest::method)
				.containsExactly("POST", "GET", "GET", "GET", "PATCH", "PUT", "DELETE", "POST", "GET", "DELETE", "GET");
			assertThat(grantex.requests()).allSatisfy((request) -> {
				assertThat(request.status()).isLessThan(300);
				assertThat(request.headerValues("Upgrade")).isEmpty();
			});
		});
	}

	@ParameterizedTest(name = "grantex.http.factory={0}")
	@ValueSource(strings = { "http-components", "jdk", "simple" })
	void noTransportFollowsARedirectToAnotherOrigin(String factory) {
		// even when the application's own clients are told to follow redirects
		grantex("grantex.http.factory=" + factory, "spring.http.clients.redirects=follow").run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			for (int status : List.of(301, 302, 303, 307, 308)) {
				grantex.faults()
					.enqueue(FaultTarget.any(), Fault.status(status, null, "")
						.withHeader("Location", elsewhere.baseUrl() + "/scim/v2/Users?stolen=1"));
				assertThatExceptionOfType(ScimRedirectException.class).isThrownBy(client::listUsers)
					.satisfies((ex) -> assertThat(ex.locationOrigin())
						.isEqualTo("http://" + elsewhere.baseUrl().getHost() + ":" + elsewhere.baseUrl().getPort()))
					.withMessageNotContaining("stolen");
			}
			assertThat(elsewhere.requests()).isEmpty();
		});
	}

	@ParameterizedTest(name = "grantex.http.factory={0}")
	@ValueSource(strings = { "http-components", "jdk", "simple" })
	void theReadTimeoutCoversABodyThatStopsArriving(String factory) {
		grantex("grantex.http.factory=" + factory, "grantex.http.read-timeout=500ms").run((context) -> {
			ScimClient client = context.getBean(ScimClient.class);
			grantex.faults().enqueue(FaultTarget.any(), Fault.stalledBody(Duration.ofSeconds(20)));
			long started = System.nanoTime();
			assertThatExceptionOfType(ScimTransportException.class).isThrownBy(client::listUsers)
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.READ_TIMEOUT));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		});
	}

	@Test
	void aFactoryWhoseLibraryIsMissingFailsStartupSayingWhatToAdd() {
		grantex("grantex.http.factory=jetty").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessage("grantex.http.factory is jetty, but Jetty's client (org.eclipse.jetty:jetty-client) is not on "
					+ "the class path: add it, or choose another factory"));
	}

	@Test
	void grantexHttpSettingsWinOverSpringHttpClientsAndRedirectsAreNeverFollowed() {
		GrantexScimProperties.Http http = new GrantexScimProperties.Http(null, Duration.ofSeconds(3),
				Duration.ofSeconds(7), 64, new GrantexScimProperties.Http.Ssl(null));
		HttpClientSettings application = new HttpClientSettings(HttpRedirects.FOLLOW, Duration.ofSeconds(1),
				Duration.ofSeconds(2), null);

		HttpClientSettings settings = GrantexScimHttpSettings.of(http, application, noSslBundles());

		assertThat(settings).isEqualTo(
				new HttpClientSettings(HttpRedirects.DONT_FOLLOW, Duration.ofSeconds(3), Duration.ofSeconds(7), null));
	}

	@Test
	void unsetGrantexHttpSettingsFallBackToSpringHttpClients() {
		GrantexScimProperties.Http http = new GrantexScimProperties.Http(null, null, null, 64,
				new GrantexScimProperties.Http.Ssl(null));
		SslBundle bundle = mock(SslBundle.class);
		HttpClientSettings application = new HttpClientSettings(null, Duration.ofSeconds(1), Duration.ofSeconds(2),
				bundle);

		HttpClientSettings settings = GrantexScimHttpSettings.of(http, application, noSslBundles());

		assertThat(settings).isEqualTo(new HttpClientSettings(HttpRedirects.DONT_FOLLOW, Duration.ofSeconds(1),
				Duration.ofSeconds(2), bundle));
	}

	@Test
	void theSslBundleIsTakenFromSpringsBundlesByName() {
		SslBundle bundle = mock(SslBundle.class);
		SslBundles bundles = mock(SslBundles.class);
		given(bundles.getBundle("grantex-ca")).willReturn(bundle);
		given(bundles.getBundle("missing")).willThrow(new NoSuchSslBundleException("missing", "no such bundle"));
		StaticApplicationContext context = new StaticApplicationContext();
		context.getBeanFactory().registerSingleton("sslBundles", bundles);
		ObjectProvider<SslBundles> provider = context.getBeanProvider(SslBundles.class);

		HttpClientSettings settings = GrantexScimHttpSettings.of(
				new GrantexScimProperties.Http(null, null, null, 64, new GrantexScimProperties.Http.Ssl("grantex-ca")),
				null, provider);

		assertThat(settings.sslBundle()).isSameAs(bundle);
		assertThatExceptionOfType(NoSuchSslBundleException.class).isThrownBy(() -> GrantexScimHttpSettings.of(
				new GrantexScimProperties.Http(null, null, null, 64, new GrantexScimProperties.Http.Ssl("missing")),
				null, provider));
	}

	@Test
	void anSslBundleWithoutSpringSslFailsSayingWhereToDefineIt() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> GrantexScimHttpSettings.of(new GrantexScimProperties.Http(null, null, null, 64,
					new GrantexScimProperties.Http.Ssl("grantex-ca")), null, noSslBundles()))
			.withMessage("grantex.http.ssl.bundle is 'grantex-ca', but this application has no SSL bundles: define "
					+ "it under spring.ssl.bundle.*");
	}

	private static ObjectProvider<SslBundles> noSslBundles() {
		return new StaticApplicationContext().getBeanProvider(SslBundles.class);
	}

}
