package dev.grantex.scim.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gzip answers whose small body inflates to a large JSON document, sent whatever the
 * request's {@code accept-encoding} says.
 */
class InflatingBodyFaultTests {

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private HttpResponse<byte[]> get(String target, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.grantex.baseUrl().resolve(target))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.tenant.scimToken());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void threeHundredMegabytesOfJsonArriveAsAFewHundredKilobytesOfGzipAskedForOrNot() throws Exception {
		long inflated = 300L << 20;
		Fault bomb = Fault.inflatingBody(200, JsonDocument.USER, inflated);
		this.grantex.faults().always(FaultTarget.route("GET", "/scim/v2/Users"), bomb);

		HttpResponse<byte[]> unasked = get("/scim/v2/Users");
		HttpResponse<byte[]> identity = get("/scim/v2/Users", "Accept-Encoding", "identity");

		for (HttpResponse<byte[]> response : java.util.List.of(unasked, identity)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
			assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
			assertThat(response.headers().firstValueAsLong("content-length")).hasValue(response.body().length);
		}
		byte[] compressed = unasked.body();
		assertThat(compressed.length).as("compressed").isLessThan(400 << 10);
		assertThat(identity.body()).as("compressed once, sent the same").isEqualTo(compressed);
		byte[] start = new byte[96];
		assertThat(inflate(compressed, start)).isEqualTo(inflated);
		assertThat(new String(start, StandardCharsets.UTF_8))
			.startsWith("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"scimuser_");
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsOnly("inflatingBody(200, USER, 314572800 bytes)");
	}

	@Test
	void aListOfDistinctUsersInflatesAboutFiftyfold() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.inflatingBody(200, JsonDocument.USER_LIST, 20_000_000));

		HttpResponse<byte[]> response = get("/scim/v2/Users");

		assertThat(response.body().length).isBetween(200_000, 1_000_000);
		assertThat(inflate(response.body(), new byte[0])).isEqualTo(20_000_000);
	}

	@Test
	void anErrorCanInflateToo() throws Exception {
		this.grantex.faults()
			.enqueue(FaultTarget.any(), Fault.inflatingBody(503, JsonDocument.GRANTEX_ERROR, 10_000_000).chunked());

		HttpResponse<byte[]> response = get("/scim/v2/Users");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("content-length")).isEmpty();
		assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
		assertThat(inflate(response.body(), new byte[12])).isEqualTo(10_000_000);
	}

	@Test
	void sizesBeyondFourGibibytesAreRefused() {
		assertThatThrownBy(() -> Fault.inflatingBody(200, JsonDocument.USER, (4L << 30) + 1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.inflatingBody(200, JsonDocument.USER, 10))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Inflates a gzip body, counting its bytes and keeping its first ones. */
	private static long inflate(byte[] gzip, byte[] start) throws IOException {
		long total = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (total < start.length) {
					System.arraycopy(buffer, 0, start, (int) total, (int) Math.min(read, start.length - total));
				}
				total += read;
			}
		}
		return total;
	}

}
