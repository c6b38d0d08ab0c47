package dev.grantex.scim.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request body parsing, which happens before authentication, and the response content
 * type.
 */
class ContentTypeTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private static void assertGrantexError(WireClient.Reply reply, int status, String message) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(reply.json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(reply.json().get("message").stringValue()).isEqualTo(message);
		assertThat(reply.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void scimJsonIsUnsupportedOnEveryBodyRouteWithOrWithoutCredentials() {
		String id = this.grantex.seedUser(this.tenant.apiKey(), "alice").id();
		for (String credential : Arrays.asList(this.tenant.scimToken(), this.tenant.apiKey(), null)) {
			for (String[] route : List.of(new String[] { "POST", "/scim/v2/Users" },
					new String[] { "PUT", "/scim/v2/Users/" + id }, new String[] { "PATCH", "/scim/v2/Users/" + id },
					new String[] { "POST", "/v1/scim/tokens" })) {
				WireClient.Call call = this.client.call(route[0], route[1])
					.body("application/scim+json; charset=utf-8",
							"{\"userName\":\"carol\",\"label\":\"x\",\"Operations\":[]}");
				assertGrantexError(((credential != null) ? call.bearer(credential) : call).send(), 415,
						"Unsupported Media Type");
			}
		}
		assertThat(this.grantex.users(this.tenant.apiKey())).extracting(FakeScimUser::userName)
			.containsExactly("alice");
	}

	@Test
	void formBodiesAndBodiesWithoutAContentTypeAreUnsupported() {
		assertGrantexError(this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.body("application/x-www-form-urlencoded", "{\"userName\":\"form\"}")
			.send(), 415, "Unsupported Media Type");
		assertGrantexError(this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.bytes("{\"userName\":\"bare\"}".getBytes(StandardCharsets.UTF_8))
			.send(), 415, "Unsupported Media Type");
		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
	}

	@Test
	void jsonWithParametersIsAccepted() {
		WireClient.Reply reply = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.body("application/json; charset=utf-8", "{\"userName\":\"carol\"}")
			.send();

		assertThat(reply.status()).isEqualTo(201);
	}

	@Test
	void aTextBodyIsReadAsNoJsonAtAll() {
		WireClient.Reply user = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.body("text/plain", "{\"userName\":\"tp\"}")
			.send();
		WireClient.Reply token = this.client.call("POST", "/v1/scim/tokens")
			.bearer(this.tenant.apiKey())
			.body("text/plain", "{\"label\":\"tp\"}")
			.send();

		assertThat(user.status()).isEqualTo(400);
		assertThat(user.json().get("detail").stringValue()).isEqualTo("userName is required");
		assertThat(token.status()).isEqualTo(400);
		assertThat(token.json().get("message").stringValue()).isEqualTo("label is required");
	}

	@Test
	void invalidJsonIsRefusedBeforeAuthentication() {
		String message = "Body is not valid JSON but content-type is set to 'application/json'";
		for (String body : List.of("{bad", "not json", "{} trailing", "{\"a\":1,}", "'single'", "  ")) {
			assertGrantexError(this.client.call("POST", "/scim/v2/Users").json(body).send(), 400, message);
			assertGrantexError(this.client.call("POST", "/v1/scim/tokens").json(body).send(), 400, message);
		}
	}

	@Test
	void anEmptyJsonBodyIsRefusedOnEveryMethodThatHasABodyEvenDelete() {
		String message = "Body cannot be empty when content-type is set to 'application/json'";
		String id = this.grantex.seedUser(this.tenant.apiKey(), "alice").id();
		assertGrantexError(this.client.call("POST", "/scim/v2/Users").bearer(this.tenant.scimToken()).json("").send(),
				400, message);
		assertGrantexError(this.client.call("DELETE", "/scim/v2/Users/" + id)
			.bearer(this.tenant.scimToken())
			.header("Content-Type", "application/json")
			.send(), 400, message);
		assertGrantexError(
				this.client.call("DELETE", "/scim/v2/Users/" + id).header("Content-Type", "application/json").send(),
				400, message);
		assertGrantexError(this.client.call("DELETE", "/v1/scim/tokens/nope")
			.bearer(this.tenant.apiKey())
			.header("Content-Type", "application/json")
			.send(), 400, message);
		assertThat(this.grantex.users(this.tenant.apiKey())).hasSize(1);
	}

	@Test
	void getBodiesAndContentTypesAreNeverParsed() {
		WireClient.Reply reply = this.client.call("GET", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.header("Content-Type", "application/scim+json")
			.send();

		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void bodiesOverOneMebibyteAreTooLargeBeforeAuthentication() {
		byte[] atLimit = paddedUserJson(1_048_576);
		byte[] overLimit = paddedUserJson(1_048_577);

		assertGrantexError(this.client.call("POST", "/scim/v2/Users")
			.header("Content-Type", "application/json")
			.bytes(overLimit)
			.send(), 413, "Request body is too large");
		assertGrantexError(this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.header("Content-Type", "application/json")
			.bytes(overLimit)
			.send(), 413, "Request body is too large");
		WireClient.Reply accepted = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.header("Content-Type", "application/json")
			.bytes(atLimit)
			.send();
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(this.grantex.users(this.tenant.apiKey())).hasSize(1);
	}

	/** {@code {"userName":"big","displayName":"xxx…"}} of exactly the given length. */
	private static byte[] paddedUserJson(int length) {
		String prefix = "{\"userName\":\"big\",\"displayName\":\"";
		String suffix = "\"}";
		String json = prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThat(bytes).hasSize(length);
		return bytes;
	}

	@Test
	void responsesAreAlwaysJsonUtf8WhateverAcceptSays() {
		WireClient.Reply reply = this.client.call("POST", "/scim/v2/Users")
			.bearer(this.tenant.scimToken())
			.header("Accept", "application/scim+json")
			.json("{\"userName\":\"dave\"}")
			.send();
		WireClient.Reply config = this.client.call("GET", "/scim/v2/ServiceProviderConfig")
			.header("Accept", "application/scim+json")
			.send();

		assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(config.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(config.header("cache-control")).isEqualTo("no-store");
	}

}
