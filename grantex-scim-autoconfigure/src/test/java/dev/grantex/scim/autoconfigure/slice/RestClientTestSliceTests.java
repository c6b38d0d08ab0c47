package dev.grantex.scim.autoconfigure.slice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.MockServerRestClientCustomizer;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.test.FakeGrantexServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * A service that uses the {@link ScimClient}, tested as Spring Boot tests a REST client:
 * in the {@code @RestClientTest} slice, against the auto-configured
 * {@link MockRestServiceServer}. The client's base URL is a running fake Grantex, which
 * receives nothing: every answer comes from the mock.
 */
@RestClientTest(UserDirectory.class)
class RestClientTestSliceTests {

	private static final FakeGrantexServer grantex = FakeGrantexServer.start();

	private static final String SCIM_TOKEN = grantex.createScimToken(grantex.createDeveloper(), "slice-tests");

	@Autowired
	private UserDirectory directory;

	@Autowired
	private MockRestServiceServer server;

	@DynamicPropertySource
	static void grantexProperties(DynamicPropertyRegistry properties) {
		properties.add("grantex.base-url", () -> grantex.baseUrl().toString());
		properties.add("grantex.scim.token", () -> SCIM_TOKEN);
	}

	@AfterEach
	void nothingReachedTheNetwork() {
		assertThat(grantex.requests()).isEmpty();
	}

	@AfterAll
	static void stopGrantex() {
		grantex.close();
	}

	@Test
	void theScimClientBeanIsInTheSliceAndBoundToTheMockServer(ApplicationContext context) {
		assertThat(context.getBeansOfType(ScimClient.class)).containsOnlyKeys("scimClient");
		assertThat(context.getBean(ScimClient.class).baseUrl()).isEqualTo(grantex.baseUrl());
		// the client's own RestClient, and no other, is bound to the mock
		assertThat(context.getBean(MockServerRestClientCustomizer.class).getServers()).hasSize(1);
	}

	@Test
	void aMockedAnswerReachesTheServiceThroughTheClient() {
		this.server.expect(requestTo(grantex.baseUrl() + "/scim/v2/Users/scimuser_ada"))
			.andRespond(
					withSuccess(user("scimuser_ada", "ada@example.com", "Ada Lovelace"), MediaType.APPLICATION_JSON));

		assertThat(this.directory.nameOf("scimuser_ada")).isEqualTo("Ada Lovelace");
		this.server.verify();
	}

	@Test
	void aMutatedClientAsTheHealthIndicatorBuildsOneStaysOnTheSameMock(ApplicationContext context) {
		ScimClient mutated = context.getBean(ScimClient.class).mutate().retry(ScimRetrySettings.disabled()).build();
		this.server.expect(requestTo(grantex.baseUrl() + "/scim/v2/Users/scimuser_ada"))
			.andRespond(
					withSuccess(user("scimuser_ada", "ada@example.com", "Ada Lovelace"), MediaType.APPLICATION_JSON));

		assertThat(mutated.getUser("scimuser_ada").displayName()).isEqualTo("Ada Lovelace");
		this.server.verify();
		// the mutation starts from the bound RestClient, not binding a second one
		assertThat(context.getBean(MockServerRestClientCustomizer.class).getServers()).hasSize(1);
	}

	@Test
	void theRequestIsTheOneTheClientSends() {
		this.server.expect(requestTo(grantex.baseUrl() + "/scim/v2/Users/team%2Fada%3Fx"))
			.andExpect(method(HttpMethod.GET))
			.andExpect(header(HttpHeaders.AUTHORIZATION, "Bearer " + SCIM_TOKEN))
			.andExpect(header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE))
			.andExpect(headerDoesNotExist(HttpHeaders.CONTENT_TYPE))
			.andExpect((request) -> assertThat(request.getAttributes())
				.containsEntry(RestClient.class.getName() + ".uriTemplate", grantex.baseUrl() + "/scim/v2/Users/{id}"))
			.andRespond(withSuccess(user("team/ada?x", "ada@example.com", null), MediaType.APPLICATION_JSON));

		// an id is one path segment, whatever it holds; the name falls back to userName
		assertThat(this.directory.nameOf("team/ada?x")).isEqualTo("ada@example.com");
		this.server.verify();
	}

	@Test
	void aMockedGrantexErrorIsTheClientsException() {
		this.server.expect(requestTo(grantex.baseUrl() + "/scim/v2/Users/scimuser_gone"))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
						+ "\"detail\":\"User not found\",\"scimType\":\"noTarget\",\"status\":404}"));

		assertThatExceptionOfType(ScimNotFoundException.class).isThrownBy(() -> this.directory.nameOf("scimuser_gone"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.scimType()).isEqualTo("noTarget");
				assertThat(ex.serverMessage()).isEqualTo("User not found");
			});
		this.server.verify();
	}

	@Test
	void aMockedRefusalOfTheTokenNamesThePropertyToFix() {
		this.server.expect(requestTo(grantex.baseUrl() + "/scim/v2/Users/scimuser_ada"))
			.andRespond(withStatus(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
				.body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
						+ "\"detail\":\"Invalid SCIM token\",\"scimType\":\"unauthorized\",\"status\":401}"));

		assertThatExceptionOfType(ScimAuthenticationException.class)
			.isThrownBy(() -> this.directory.nameOf("scimuser_ada"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(401);
				assertThat(ex.getMessage()).contains("grantex.scim.token").doesNotContain(SCIM_TOKEN);
			});
		this.server.verify();
	}

	private static String user(String id, String userName, String displayName) {
		return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"" + id.replace("\"", "")
				+ "\",\"userName\":\"" + userName + "\","
				+ ((displayName != null) ? "\"displayName\":\"" + displayName + "\"," : "")
				+ "\"active\":true,\"emails\":\"[]\",\"meta\":{\"resourceType\":\"User\","
				+ "\"created\":\"2026-01-05T10:00:00.000Z\",\"lastModified\":\"2026-01-05T10:00:00.000Z\"}}";
	}

}
