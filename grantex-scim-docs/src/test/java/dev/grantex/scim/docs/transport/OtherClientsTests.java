package dev.grantex.scim.docs.transport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.GrantexScimAutoConfiguration;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The README's {@code other-clients.properties}: with the starter (which brings Apache
 * HttpClient 5), the application's own {@code RestClient}s go back to the JDK's
 * {@code HttpClient}, and the Grantex client stays on Apache HttpClient 5. Each client is
 * told apart on the fake server by the {@code User-Agent} it sends.
 */
class OtherClientsTests {

	private static final FakeGrantexServer server = FakeGrantexServer.start();

	private static final FakeGrantexAccount account = FakeGrantexAccount.create(server, "readme");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, GrantexScimAutoConfiguration.class))
		.withPropertyValues("grantex.base-url=" + account.baseUrl(), "grantex.scim.token=" + account.scimToken());

	@AfterAll
	static void stopGrantex() {
		server.close();
	}

	@Test
	void withoutThePropertiesBothUseApacheHttpClient() {
		server.clearRequests();
		this.contextRunner.run((context) -> {
			callWithBoth(context.getBean(RestClient.Builder.class), context.getBean(ScimClient.class));
			assertThat(server.requests()).extracting((request) -> request.header("User-Agent"))
				.allSatisfy((agent) -> assertThat(agent).startsWith("Apache-HttpClient/"));
		});
	}

	@Test
	void withThePropertiesTheOtherClientsUseTheJdkAndGrantexKeepsApache() {
		server.clearRequests();
		this.contextRunner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:transport/other-clients.properties")
			.run((context) -> {
				callWithBoth(context.getBean(RestClient.Builder.class), context.getBean(ScimClient.class));
				assertThat(server.requests()).extracting(RecordedRequest::rawTarget, (request) -> agent(request))
					.containsExactly(tuple("/scim/v2/ServiceProviderConfig", "Java-http-client"),
							tuple("/scim/v2/Users", "Apache-HttpClient"));
			});
	}

	/*
	 * One request with a RestClient of the application's, one with the Grantex client.
	 * The first is only told apart: over http://, the JDK's client asks to upgrade to
	 * HTTP/2, which the fake, like Grantex, refuses.
	 */
	private static void callWithBoth(RestClient.Builder applicationClients, ScimClient grantex) {
		applicationClients.build()
			.get()
			.uri(account.baseUrl() + "/scim/v2/ServiceProviderConfig")
			.exchange((request, response) -> response.getStatusCode());
		grantex.listUsers();
	}

	private static String agent(RecordedRequest request) {
		String agent = String.valueOf(request.header("User-Agent"));
		return agent.substring(0, agent.indexOf('/'));
	}

}
