package dev.grantex.scim.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bodies of any size, generated while they are written: exact size, valid JSON in each
 * document's shape, chunked on request, and a client that stops reading early stops the
 * writing without holding the fake up.
 */
class LargeBodyFaultTests {

	private static final String USERS = "/scim/v2/Users";

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private RawConnection get(String target, int readTimeoutMillis) throws IOException {
		return RawConnection.open(this.grantex.baseUrl(),
				"GET " + target + " HTTP/1.1\r\nAuthorization: Bearer " + this.tenant.scimToken(), readTimeoutMillis);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not reached within 10 seconds");
			}
			Thread.sleep(10);
		}
	}

	@Test
	void aSixtyMegabyteUserArrivesWithItsExactLengthAndNothingIsProcessed() throws Exception {
		long size = 60L << 20;
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.largeBody(200, JsonDocument.USER, size));

		long received;
		byte[] head = new byte[128];
		byte[] tail = new byte[64];
		try (RawConnection connection = get(USERS + "/anything", 10_000)) {
			assertThat(connection.status()).isEqualTo(200);
			assertThat(connection.header("content-length")).isEqualTo(Long.toString(size));
			assertThat(connection.header("content-type")).isEqualTo("application/json; charset=utf-8");
			received = count(connection.body(), head, tail);
		}

		assertThat(received).isEqualTo(size);
		assertThat(new String(head, StandardCharsets.UTF_8))
			.startsWith("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"scimuser_");
		assertThat(new String(tail, StandardCharsets.UTF_8)).endsWith("Z\"}}").contains("\"lastModified\":\"");
		await(() -> this.grantex.requests().get(0).responseBodyBytes() >= 0);
		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.responseBodyBytes()).isEqualTo(size);
			assertThat(recorded.fault()).isEqualTo("largeBody(200, USER, 62914560 bytes)");
		});
	}

	@Test
	void everyDocumentIsValidJsonOfExactlyTheRequestedSizeInItsShape() {
		int size = 300_000;
		FaultTarget any = FaultTarget.any();
		this.grantex.faults()
			.enqueue(any, Fault.largeBody(200, JsonDocument.USER, size),
					Fault.largeBody(200, JsonDocument.USER_LIST, size),
					Fault.largeBody(200, JsonDocument.SERVICE_PROVIDER_CONFIG, size),
					Fault.largeBody(200, JsonDocument.TOKEN_LIST, size),
					Fault.largeBody(503, JsonDocument.GRANTEX_ERROR, size),
					Fault.largeBody(400, JsonDocument.GRANTEX_ERROR, size));

		WireClient.Reply user = this.client.get(USERS + "/x", this.tenant.scimToken());
		WireClient.Reply list = this.client.get(USERS, this.tenant.scimToken());
		WireClient.Reply config = this.client.get("/scim/v2/ServiceProviderConfig", null);
		WireClient.Reply tokens = this.client.get("/v1/scim/tokens", this.tenant.apiKey());
		WireClient.Reply serverError = this.client.get(USERS, this.tenant.scimToken());
		WireClient.Reply clientError = this.client.get(USERS, this.tenant.scimToken());

		for (WireClient.Reply reply : new WireClient.Reply[] { user, list, config, tokens, serverError, clientError }) {
			assertThat(reply.bodyBytes()).hasSize(size);
			assertThat(reply.header("content-length")).isEqualTo(Integer.toString(size));
		}
		assertThat(user.json().get("userName").stringValue()).hasSizeGreaterThan(size - 300).matches("x+");
		assertThat(user.json().propertyNames()).containsExactly("schemas", "id", "userName", "active", "emails",
				"meta");
		JsonNode page = list.json();
		assertThat(page.get("Resources").size()).isGreaterThan(1000)
			.isEqualTo(page.get("totalResults").intValue())
			.isEqualTo(page.get("itemsPerPage").intValue());
		Set<String> ids = new HashSet<>();
		page.get("Resources").forEach((resource) -> ids.add(resource.get("id").stringValue()));
		assertThat(ids).hasSize(page.get("Resources").size());
		assertThat(page.get("Resources").get(0).get("userName").stringValue())
			.isEqualTo("user-000000000000001@example.com");
		assertThat(config.json().get("authenticationSchemes").get(0).get("description").stringValue())
			.hasSizeGreaterThan(size - 600);
		assertThat(config.json().get("filter").get("maxResults").intValue()).isEqualTo(200);
		assertThat(tokens.json().get("tokens").size()).isGreaterThan(2000);
		assertThat(tokens.json().get("tokens").get(0).get("id").stringValue()).startsWith("scimtok_");
		assertThat(serverError.status()).isEqualTo(503);
		assertThat(serverError.json().propertyNames()).containsExactly("message", "code", "requestId");
		assertThat(serverError.json().get("code").stringValue()).isEqualTo("INTERNAL_ERROR");
		assertThat(clientError.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(this.grantex.tokens(this.tenant.apiKey())).hasSize(1);
	}

	@Test
	void aClientThatStopsReadingAGigabyteErrorAfterAMegabyteStopsTheFakeEarly() throws Exception {
		long gigabyte = 1L << 30;
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.largeBody(500, JsonDocument.GRANTEX_ERROR, gigabyte));

		try (RawConnection connection = get(USERS, 10_000)) {
			assertThat(connection.status()).isEqualTo(500);
			assertThat(connection.header("content-length")).isEqualTo(Long.toString(gigabyte));
			byte[] megabyte = connection.body().readNBytes(1 << 20);
			assertThat(new String(megabyte, 0, 12, StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"");
		}

		await(() -> this.grantex.requests().get(0).responseBodyBytes() >= 0);
		assertThat(this.grantex.requests().get(0).responseBodyBytes()).as("what the fake wrote before the close")
			.isBetween(1L << 20, 64L << 20);
		assertThat(this.client.get(USERS, this.tenant.scimToken()).status()).as("the fake serves on").isEqualTo(200);
	}

	@Test
	void chunkedAnnouncesNoLengthAndStillSendsExactlyTheDocument() throws Exception {
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.largeBody(200, JsonDocument.USER_LIST, 5_000_000).chunked(),
					Fault.status(200, "application/json", "{}").chunked());

		try (RawConnection connection = get(USERS, 10_000)) {
			assertThat(connection.header("content-length")).isNull();
			assertThat(connection.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(count(connection.body(), new byte[0], new byte[0])).isEqualTo(5_000_000);
		}
		try (RawConnection small = get(USERS, 10_000)) {
			assertThat(small.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(new String(small.readBody(), StandardCharsets.UTF_8)).isEqualTo("{}");
		}
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("largeBody(200, USER_LIST, 5000000 bytes) + chunked", "status(200) + chunked");
	}

	@Test
	void aHeadRequestGetsTheLengthAndNoBody() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.largeBody(200, JsonDocument.USER, 10_000_000));

		try (RawConnection connection = RawConnection.open(this.grantex.baseUrl(), "HEAD " + USERS + " HTTP/1.1",
				5000)) {
			assertThat(connection.header("content-length")).isEqualTo("10000000");
			assertThat(connection.rawBody().read()).isEqualTo(-1);
		}
		assertThat(this.grantex.requests().get(0).responseBodyBytes()).isZero();
	}

	@Test
	void sizesAndStatusesThatCannotBeSentAreRefused() {
		assertThatThrownBy(() -> Fault.largeBody(200, JsonDocument.USER, 100))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least");
		assertThatThrownBy(() -> Fault.largeBody(200, JsonDocument.USER_LIST, 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.largeBody(204, JsonDocument.USER, 1000))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.largeBody(199, JsonDocument.USER, 1000))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.processThenDrop().chunked()).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> Fault.stalledBody(java.time.Duration.ZERO).chunked())
			.isInstanceOf(IllegalStateException.class);
	}

	/** Reads a body to its end, keeping its first and last bytes. */
	private static long count(InputStream body, byte[] head, byte[] tail) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long total = 0;
		int read;
		byte[] last = new byte[tail.length];
		while ((read = body.read(buffer)) >= 0) {
			if (total < head.length) {
				System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(read, head.length - total));
			}
			if (read >= last.length) {
				System.arraycopy(buffer, read - last.length, last, 0, last.length);
			}
			else {
				System.arraycopy(last, read, last, 0, last.length - read);
				System.arraycopy(buffer, 0, last, last.length - read, read);
			}
			total += read;
		}
		System.arraycopy(last, 0, tail, 0, tail.length);
		return total;
	}

}
