package dev.grantex.scim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.http.ScimJdkHttpClient;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.test.FakeGrantexServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the builder refuses, and that its messages say what to change without echoing a
 * credential.
 */
class ScimClientBuilderTests {

	@Test
	void refusesABaseUrlThatIsNotHttpOrHttps() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("ftp://api.grantex.dev"))
			.withMessageContaining("absolute http or https URL");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("api.grantex.dev"))
			.withMessageContaining("absolute http or https URL");
	}

	@Test
	void refusesAnUnparseableBaseUrl() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("https://api grantex.dev"))
			.withMessageStartingWith("baseUrl is not a valid URL");
	}

	@Test
	void refusesUserInfoQueryAndFragmentInTheBaseUrl() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("https://me:secret@api.grantex.dev"))
			.withMessageContaining("user information")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("https://api.grantex.dev/?x=1"))
			.withMessageContaining("query or fragment");
	}

	@Test
	void acceptsAPathPrefixAndATrailingSlash() {
		assertThatNoException().isThrownBy(() -> ScimClient.builder().baseUrl("http://127.0.0.1:3001/").build());
		assertThatNoException().isThrownBy(() -> ScimClient.builder().baseUrl("https://proxy.example/grantex").build());
	}

	@Test
	void refusesBlankCredentialsAndCredentialsWithWhitespaceWithoutEchoingThem() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ScimClient.builder().apiKey("  "))
			.withMessage("apiKey is set but blank; set it to the developer API key, or leave it unset");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().scimToken("abc def-secret"))
			.withMessage("scimToken holds a character that is not visible ASCII (at position 4 of 14: a space); "
					+ "check that the SCIM token was copied whole and alone");
	}

	@Test
	void acceptsACredentialWithSurroundingWhitespaceAsFromAnEnvironmentFile() {
		assertThatNoException().isThrownBy(() -> ScimClient.builder().scimToken("abcdef\n").build());
	}

	@Test
	void refusesNonPositiveTimeouts() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().readTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("readTimeout must be positive");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().connectTimeout(Duration.ZERO))
			.withMessageContaining("connectTimeout must be positive");
	}

	@Test
	void refusesACredentialWithAnInvisibleOrNonAsciiCharacterWithoutEchoingIt() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().apiKey("\uFEFFgx_test_secretvalue"))
			.withMessage("apiKey holds a character that is not visible ASCII (at position 1 of 20: an invisible "
					+ "character, U+FEFF); check that the developer API key was copied whole and alone");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().scimToken("abc\u200Bdef"))
			.withMessageContaining("an invisible character, U+200B")
			.withMessageNotContaining("abc");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().scimToken("secret€"))
			.withMessageContaining("a non-ASCII character, U+20AC")
			.withMessageNotContaining("secret");
	}

	@Test
	void refusesSettingsOutOfRangeNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScimClient.builder().maxConnections(0))
			.withMessage("maxConnections must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> ScimClient.builder().maxResponseSize(1024))
			.withMessage(
					"maxResponseSize must be at least 64 KiB (a page of 200 users is about 100 KB), was 1024 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> ScimClient.builder().rateLimitReserve(-0.1))
			.withMessage("rateLimitReserve must be at least 0 and less than 1, was -0.1");
		assertThatIllegalArgumentException().isThrownBy(() -> ScimClient.builder().clientName(" "))
			.withMessage("clientName must not be blank");
	}

	@Test
	void refusesSpringsHttpUrlConnectionFactoryWhichCannotSendPatch() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScimClient.builder().requestFactory(new SimpleClientHttpRequestFactory()))
			.withMessageContaining("HttpURLConnection cannot send PATCH");
	}

	@Test
	void aClientKnowsItsBaseUrlAndWhichCredentialsItHas() {
		ScimClient client = ScimClient.builder().baseUrl("http://127.0.0.1:3001/").scimToken("t0k3n").build();

		assertThat(client.baseUrl()).hasToString("http://127.0.0.1:3001");
		assertThat(client.credentials()).containsExactly(ScimCredential.SCIM_TOKEN);
		assertThat(ScimClient.builder().build().credentials()).isEmpty();
	}

	@Test
	void buildingAppliesTheCustomizersButCreatesTheRestClientOnceOnTheFirstOperationOfAnyThread()
			throws InterruptedException {
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			AtomicInteger customized = new AtomicInteger();
			AtomicInteger created = new AtomicInteger();
			ScimClient client = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(server.createDeveloper(), "lazy"))
				.restClientCustomizer((restClient) -> {
					customized.incrementAndGet();
					// Spring applies a converter configurer when it builds the RestClient
					restClient.configureMessageConverters((converters) -> created.incrementAndGet());
				})
				.build();

			assertThat(customized).hasValue(1);
			assertThat(created).hasValue(0);
			assertThat(client.lastRateLimit()).isEmpty();
			Thread[] threads = new Thread[16];
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			for (int i = 0; i < threads.length; i++) {
				threads[i] = new Thread(() -> {
					try {
						client.listUsers();
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				});
				threads[i].start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			client.listUsers();

			assertThat(failures).isEmpty();
			assertThat(created).hasValue(1);
			assertThat(customized).hasValue(1);
			assertThat(client.lastRateLimit()).isPresent();
			assertThat(server.requests()).hasSize(17);
			client.close();
		}
	}

	@Test
	void aMutationStartsFromTheClientsSettingsAndLeavesItsHttpClientOpen() {
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			String apiKey = server.createDeveloper();
			ScimClient client = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(apiKey, "mutated"))
				.build();
			ScimClient derived = client.mutate().retry(ScimRetrySettings.disabled()).clientName("derived").build();

			assertThat(derived.baseUrl()).isEqualTo(client.baseUrl());
			assertThat(derived.listUsers().totalResults()).isZero();
			derived.close();
			assertThat(client.listUsers().totalResults()).isZero();
			client.close();
			assertThatIllegalStateException().isThrownBy(client::listUsers)
				.withMessage("The Grantex SCIM client's HTTP client has been closed");
		}
	}

	@Test
	void aMutationDoesNotApplyTheCustomizersAgainButAppliesItsOwn() {
		try (FakeGrantexServer server = FakeGrantexServer.start();
				FakeGrantexServer other = FakeGrantexServer.start()) {
			AtomicInteger applied = new AtomicInteger();
			List<String> reached = new CopyOnWriteArrayList<>();
			ScimClient client = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(server.createDeveloper(), "customized"))
				.restClientCustomizer((restClient) -> applied.incrementAndGet())
				.restClientCustomizer((restClient) -> restClient.requestInterceptor((request, body, execution) -> {
					reached.add(request.getURI().getHost() + ":" + request.getURI().getPort());
					return execution.execute(request, body);
				}))
				.build();
			ScimClient elsewhere = client.mutate()
				.baseUrl(other.baseUrl())
				.scimToken(other.createScimToken(other.createDeveloper(), "elsewhere"))
				.restClientCustomizer((restClient) -> applied.addAndGet(10))
				.build();

			assertThat(applied).hasValue(11);
			assertThat(elsewhere.listUsers().totalResults()).isZero();
			// the interceptor came with the client's RestClient; the base URL is the
			// mutation's
			assertThat(reached).containsExactly("127.0.0.1:" + other.baseUrl().getPort());
			assertThat(other.requests()).hasSize(1);
			assertThat(server.requests()).isEmpty();
			client.close();
		}
	}

	@Test
	void aMutationGivenAnotherRequestFactorySendsThroughIt() {
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			ScimClient client = ScimClient.builder()
				.baseUrl(server.baseUrl())
				.scimToken(server.createScimToken(server.createDeveloper(), "factory"))
				.build();
			AtomicInteger created = new AtomicInteger();
			ClientHttpRequestFactory jdk = ScimJdkHttpClient.requestFactory(Duration.ofSeconds(5),
					Duration.ofSeconds(5));
			ScimClient onJdk = client.mutate().requestFactory((uri, method) -> {
				created.incrementAndGet();
				return jdk.createRequest(uri, method);
			}).build();

			assertThat(onJdk.listUsers().totalResults()).isZero();
			assertThat(created).hasValue(1);
			client.close();
		}
	}

	@Test
	void aCloneIsIndependentOfItsOriginal() {
		ScimClient.Builder original = ScimClient.builder().baseUrl("http://127.0.0.1:3001").scimToken("first");
		ScimClient.Builder copy = original.clone().scimToken("second").baseUrl("http://127.0.0.1:3002");

		assertThat(original.build().baseUrl()).hasToString("http://127.0.0.1:3001");
		assertThat(copy.build().baseUrl()).hasToString("http://127.0.0.1:3002");
	}

	@Test
	void messagesNameTheSettingsTheBuilderIsToldOf() {
		ScimClient client = ScimClient.builder()
			.baseUrl("http://127.0.0.1:1")
			.settingNames("app.grantex.url", "app.grantex.key", "app.grantex.token")
			.build();

		assertThatExceptionOfType(ScimMissingCredentialException.class).isThrownBy(client::listTokens)
			.withMessage("GET /v1/scim/tokens needs the developer API key, and none is configured: set it with "
					+ "app.grantex.key.");
	}

}
