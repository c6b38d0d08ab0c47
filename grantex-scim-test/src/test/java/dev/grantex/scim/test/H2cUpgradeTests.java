package dev.grantex.scim.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server refuses the cleartext HTTP/2 upgrade that
 * {@code HttpClient.newHttpClient()} attempts on every {@code http://} request; only a
 * client pinned to HTTP/1.1 works.
 */
class H2cUpgradeTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private HttpRequest.Builder request(String target) {
		return HttpRequest.newBuilder(URI.create(this.grantex.baseUrl() + target))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.tenant.scimToken());
	}

	private List<WireClient.Reply> getDeleteAndPost(HttpClient client) {
		return List.of(WireClient.send(client, request("/scim/v2/Users?count=1").GET().build()),
				WireClient.send(client, request("/scim/v2/Users/nope").DELETE().build()),
				WireClient.send(client,
						request("/scim/v2/Users").header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"h2c\"}"))
							.build()));
	}

	@Test
	void theJdkClientsDefaultUpgradeAttemptIsRefused() {
		HttpClient defaultClient = HttpClient.newHttpClient();
		assertThat(defaultClient.version()).isEqualTo(HttpClient.Version.HTTP_2);

		List<WireClient.Reply> replies = getDeleteAndPost(defaultClient);

		assertThat(replies.get(0).status()).isEqualTo(400);
		assertThat(replies.get(0).body()).isEqualTo("Invalid Upgrade header");
		assertThat(replies.get(1).status()).isEqualTo(405);
		assertThat(replies.get(1).body()).isEqualTo("Invalid HTTP method");
		assertThat(replies.get(2).status()).isEqualTo(400);
		assertThat(replies.get(2).json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(replies.get(2).json().get("message").stringValue())
			.isEqualTo("Request body size did not match Content-Length");
		assertThat(replies.get(2).json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.version()).isEqualTo(HttpClient.Version.HTTP_1_1));
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.requests()).hasSize(3).allSatisfy((recorded) -> {
			assertThat(recorded.header("upgrade")).isEqualTo("h2c");
			assertThat(recorded.header("HTTP2-Settings")).isNotBlank();
		});
	}

	@Test
	void aClientPinnedToHttp11Works() {
		HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		List<WireClient.Reply> replies = getDeleteAndPost(http11);

		assertThat(replies).extracting(WireClient.Reply::status).containsExactly(200, 404, 201);
		assertThat(this.grantex.users(this.tenant.apiKey())).extracting(FakeScimUser::userName).containsExactly("h2c");
		assertThat(this.grantex.requests()).allSatisfy((recorded) -> assertThat(recorded.header("upgrade")).isNull());
	}

}
