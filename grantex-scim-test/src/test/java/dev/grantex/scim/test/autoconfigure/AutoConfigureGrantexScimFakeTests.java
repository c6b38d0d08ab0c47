package dev.grantex.scim.test.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring test with {@code @AutoConfigureGrantexScimFake}: its server and account are
 * beans, the test's own properties are left as they are, and each test method finds the
 * server as the previous one found it. The methods run in order, so that the second sees
 * what the first left. (The connection details it gives the auto-configuration, which
 * this module cannot depend on, are checked by the tests of the modules that use both:
 * {@code grantex-scim-docs} and the sample.)
 */
@SpringJUnitConfig(AutoConfigureGrantexScimFakeTests.Config.class)
@TestPropertySource(
		properties = { "grantex.base-url=https://api.grantex.dev", "grantex.api-key=gx_live_real", "other=kept" })
@AutoConfigureGrantexScimFake
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureGrantexScimFakeTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Autowired
	private FakeGrantexServer server;

	@Autowired
	private FakeGrantexAccount account;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	@Test
	@Order(1)
	void theServerAndAnAccountOnItAreBeansAndNoPropertyIsChanged() throws Exception {
		assertThat(this.account.server()).isSameAs(this.server);
		assertThat(this.environment.getProperty("grantex.base-url")).isEqualTo("https://api.grantex.dev");
		assertThat(this.environment.getProperty("grantex.api-key")).isEqualTo("gx_live_real");
		assertThat(this.environment.getProperty("grantex.scim.token")).isNull();
		assertThat(this.environment.getProperty("other")).isEqualTo("kept");
		assertThat(this.context.containsBean(GrantexScimFakeContextCustomizer.CONNECTION_DETAILS_BEAN_NAME))
			.as("connection details without the auto-configuration on the class path")
			.isFalse();
		assertThat(status("GET", "/scim/v2/Users", this.account.scimToken())).isEqualTo(200);
		assertThat(this.account.tokens()).singleElement()
			.satisfies((token) -> assertThat(token.label()).isEqualTo(GrantexScimFakeContextCustomizer.TOKEN_LABEL));
	}

	@Test
	@Order(2)
	void aTestLeavesUsersFaultsRateLimitsAndRequests() throws Exception {
		this.account.seedUser("alice");
		this.account.seedUser("bob");
		this.account.seedUsers(10_000);
		this.server.recordRequests(0);
		this.server.ipRateLimit(1, Duration.ofHours(1));
		this.server.emailsAsArray(true);
		this.server.faults().enqueue(FaultTarget.any(), Fault.serverError(503), Fault.serverError(503));
		assertThat(status("GET", "/scim/v2/Users", this.account.scimToken())).isEqualTo(503);
		assertThat(this.server.requestCount()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void theNextTestFindsTheServerAsTheFirstDid() throws Exception {
		assertThat(this.account.users()).isEmpty();
		assertThat(this.server.faults().pending()).isZero();
		assertThat(this.server.requests()).isEmpty();
		assertThat(status("GET", "/scim/v2/Users", this.account.scimToken())).isEqualTo(200);
		assertThat(status("GET", "/scim/v2/Users", this.account.scimToken())).isEqualTo(200);
		assertThat(this.server.requests()).extracting(RecordedRequest::status).containsExactly(200, 200);
	}

	@Test
	void resettingRefusesClearlyWhenTheTestRevokedTheContextsToken() throws Exception {
		try (FakeGrantexServer own = FakeGrantexServer.start()) {
			FakeGrantexAccount revoked = FakeGrantexAccount.create(own, "revoked");
			String tokenId = revoked.tokens().get(0).id();
			assertThat(status(own, "DELETE", "/v1/scim/tokens/" + tokenId, revoked.apiKey())).isEqualTo(204);

			assertThatThrownBy(() -> GrantexScimFakeResetTestExecutionListener.reset(revoked))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("revoked")
				.hasMessageContaining("@DirtiesContext");
		}
	}

	@Test
	void theServerStopsWithTheContextAndEveryAnnotatedClassGetsAnEqualCustomizer() throws Exception {
		GrantexScimFakeContextCustomizerFactory factory = new GrantexScimFakeContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(Unannotated.class, List.of())).isNull();
		assertThat(factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(factory.createContextCustomizer(AutoConfigureGrantexScimFakeTests.class, List.of()));
		assertThat(factory.createContextCustomizer(Annotated.Inner.class, List.of())).isNotNull();

		GenericApplicationContext context = new GenericApplicationContext();
		new GrantexScimFakeContextCustomizer().customizeContext(context, null);
		context.refresh();
		FakeGrantexServer own = context.getBean(FakeGrantexServer.class);
		assertThat(context.getBean(FakeGrantexAccount.class).server()).isSameAs(own);
		assertThat(own.toString()).doesNotContain("closed");
		context.close();
		assertThat(own.toString()).endsWith(", closed]");
	}

	private int status(String method, String path, String bearer) throws IOException, InterruptedException {
		return status(this.server, method, path, bearer);
	}

	private static int status(FakeGrantexServer server, String method, String path, String bearer)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + bearer)
			.timeout(Duration.ofSeconds(5))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

	static class Unannotated {

	}

	@AutoConfigureGrantexScimFake
	static class Annotated {

		@Nested
		class Inner {

		}

	}

}
