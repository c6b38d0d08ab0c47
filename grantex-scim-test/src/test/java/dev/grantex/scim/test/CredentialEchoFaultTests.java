package dev.grantex.scim.test;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Error bodies that echo the credential the request carried, in every text member of each
 * error shape, across a given character index, and in a body that is not JSON; and an
 * error code full of control characters.
 */
class CredentialEchoFaultTests {

	private static final String USERS = "/scim/v2/Users";

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	@Test
	void theGrantexShapeEchoesTheCredentialInMessageCodeAndRequestId() {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.credentialEchoed(401, ErrorShape.GRANTEX));
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.credentialEchoed(500, ErrorShape.GRANTEX));

		WireClient.Reply scim = this.client.get(USERS, this.tenant.scimToken());
		WireClient.Reply tokens = this.client.get("/v1/scim/tokens", this.tenant.apiKey());

		assertThat(scim.status()).isEqualTo(401);
		assertThat(scim.header("content-type")).isEqualTo("application/json; charset=utf-8");
		assertThat(scim.json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(scim.json().get("message").stringValue())
			.isEqualTo("Invalid credential: Bearer " + this.tenant.scimToken());
		assertThat(scim.json().get("code").stringValue()).isEqualTo(this.tenant.scimToken());
		assertThat(scim.json().get("requestId").stringValue()).isEqualTo(this.tenant.scimToken());
		assertThat(tokens.status()).isEqualTo(500);
		assertThat(tokens.json().get("code").stringValue()).isEqualTo(this.tenant.apiKey());
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("credentialEchoed(401, GRANTEX)", "credentialEchoed(500, GRANTEX)");
	}

	@Test
	void theScimAndFrameworkShapesEchoTheCredentialInEachOfTheirTextMembers() {
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.credentialEchoed(404, ErrorShape.SCIM),
					Fault.credentialEchoed(404, ErrorShape.FRAMEWORK));

		JsonNode scim = this.client.get(USERS + "/x", this.tenant.scimToken()).json();
		JsonNode framework = this.client.get("/scim/v2/Groups", this.tenant.scimToken()).json();

		assertThat(scim.propertyNames()).containsExactly("schemas", "detail", "scimType", "status");
		assertThat(scim.get("detail").stringValue()).isEqualTo("Invalid credential: Bearer " + this.tenant.scimToken());
		assertThat(scim.get("scimType").stringValue()).isEqualTo(this.tenant.scimToken());
		assertThat(scim.get("status").intValue()).isEqualTo(404);
		assertThat(framework.propertyNames()).containsExactly("message", "error", "statusCode");
		assertThat(framework.get("message").stringValue()).endsWith("Bearer " + this.tenant.scimToken());
		assertThat(framework.get("error").stringValue()).isEqualTo(this.tenant.scimToken());
		assertThat(framework.get("statusCode").intValue()).isEqualTo(404);
	}

	@Test
	void theCredentialIsWhatFollowsTheBearerSchemeInAnyCaseOrTheWholeHeaderOrNothing() {
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.credentialEchoed(401, ErrorShape.GRANTEX),
					Fault.credentialEchoed(401, ErrorShape.GRANTEX), Fault.credentialEchoed(401, ErrorShape.GRANTEX));

		JsonNode lowerCase = this.client.call("GET", USERS).header("Authorization", "bearer  s3cret ").send().json();
		JsonNode basic = this.client.call("GET", USERS).header("Authorization", "Basic dXNlcjpwdw==").send().json();
		JsonNode none = this.client.get(USERS, null).json();

		assertThat(lowerCase.get("code").stringValue()).isEqualTo("s3cret");
		assertThat(basic.get("code").stringValue()).isEqualTo("Basic dXNlcjpwdw==");
		assertThat(none.get("code").stringValue()).isEmpty();
		assertThat(none.get("message").stringValue()).isEqualTo("Invalid credential: Bearer ");
	}

	@Test
	void acrossPutsTheCredentialAstrideTheIndexSoACutBeforeRedactionKeepsAFragment() {
		String secret = this.tenant.scimToken();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.credentialEchoedAcross(500, 4096));

		WireClient.Reply reply = this.client.get(USERS, secret);

		String body = reply.body();
		int start = body.indexOf(secret);
		assertThat(reply.status()).isEqualTo(500);
		assertThat(start).isEqualTo(4096 - secret.length() / 2);
		assertThat(body.length()).isBetween(8000, 8400);
		assertThat(body.substring(0, 4096)).doesNotContain(secret).endsWith(secret.substring(0, secret.length() / 2));
		assertThat(reply.json().get("message").stringValue()).contains(secret).matches("\\.+[0-9a-f]{64}\\.+");
		assertThat(reply.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void inTextAnswersAPageThatIsNotJsonAndShowsTheCredentialEvenWithA200() {
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.credentialEchoedInText(200), Fault.credentialEchoedInText(502));

		WireClient.Reply ok = this.client.get(USERS + "?count=1", this.tenant.scimToken());
		WireClient.Reply badGateway = this.client.get("/v1/scim/tokens", this.tenant.apiKey());

		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.header("content-type")).isEqualTo("text/html");
		assertThat(ok.body()).startsWith("<html>")
			.contains("GET /scim/v2/Users?count=1")
			.contains("Authorization: Bearer " + this.tenant.scimToken());
		assertThatThrownBy(ok::json).as("not JSON").isInstanceOf(RuntimeException.class);
		assertThat(badGateway.status()).isEqualTo(502);
		assertThat(badGateway.body()).contains("Bearer " + this.tenant.apiKey());
	}

	@Test
	void controlCharactersInCodeArriveEscapedAndParseIntoLineBreaksAndOtherControls() {
		this.grantex.faults().enqueue(FaultTarget.route("POST", USERS), Fault.controlCharactersInCode(400));

		WireClient.Reply reply = this.client.call("POST", USERS)
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"alice\"}")
			.send();

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).as("escaped on the wire").doesNotContain("\r", "\n", "\u0000", "\u001b");
		assertThat(reply.body()).contains("\\r\\n", "\\u0000", "\\u001b");
		String code = reply.json().get("code").stringValue();
		assertThat(code).startsWith("BAD_REQUEST\r\n2026-01-01T00:00:00.000Z  INFO ");
		for (String control : List.of("\u0000", "\u0007", "\u001b[2J", "\u007f", "\u0085", "\u2028", "\u2029")) {
			assertThat(code).contains(control);
		}
		assertThat(reply.json().get("message").stringValue()).isEqualTo("Request failed");
		assertThat(this.grantex.users(this.tenant.apiKey())).as("not processed").isEmpty();
	}

	@Test
	void statusesThatAreNotErrorsAreRefusedForErrorBodies() {
		assertThatThrownBy(() -> Fault.credentialEchoed(200, ErrorShape.SCIM))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.credentialEchoedAcross(600, 4096)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.credentialEchoedAcross(500, 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.credentialEchoedInText(204)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.controlCharactersInCode(302)).isInstanceOf(IllegalArgumentException.class);
	}

}
