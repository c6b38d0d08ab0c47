package dev.grantex.scim.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A body that trickles for as long as the client reads: a read timeout never fires, no
 * thread of the fake is held between writes, and the trickle stops when the client or the
 * server closes.
 */
class TrickleFaultTests {

	private static final String USERS = "/scim/v2/Users";

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	@AfterEach
	void stop() {
		this.grantex.close();
	}

	private RawConnection get(int readTimeoutMillis) throws IOException {
		return RawConnection.open(this.grantex.baseUrl(),
				"GET " + USERS + " HTTP/1.1\r\nAuthorization: Bearer " + this.tenant.scimToken(), readTimeoutMillis);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not reached within 5 seconds");
			}
			Thread.sleep(10);
		}
	}

	@Test
	void oneByteEveryHundredMillisecondsNeverLetsAHalfSecondReadTimeoutFire() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.trickle(Duration.ofMillis(100), 1));
		StringBuilder received = new StringBuilder();
		long started = System.nanoTime();

		try (RawConnection connection = get(500)) {
			assertThat(connection.status()).isEqualTo(200);
			assertThat(connection.header("transfer-encoding")).isEqualTo("chunked");
			assertThat(connection.header("content-length")).isNull();
			InputStream body = connection.body();
			while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(1500)) {
				int c = body.read();
				assertThat(c).as("the body never ends").isNotNegative();
				received.append((char) c);
			}
		}

		assertThat(received.length()).as("about one byte per 100 ms").isBetween(8, 16);
		assertThat("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]").startsWith(received);
		await(() -> this.grantex.requests().get(0).responseBodyBytes() >= 0);
		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.fault()).isEqualTo("trickle(1 byte every 100ms)");
			assertThat(recorded.responseBodyBytes()).isBetween((long) received.length(), (long) received.length() + 3);
		});
	}

	@Test
	void aReadTimeoutShorterThanThePauseStillFires() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.trickle(Duration.ofMillis(300), 4));

		// the head within a generous timeout (a cold JVM may take more than 100 ms to
		// answer), then the body with one shorter than the pause: past the bytes already
		// received, the next read waits a pause and times out
		try (RawConnection connection = get(5000).readTimeout(100)) {
			InputStream body = connection.body();
			assertThatThrownBy(() -> {
				for (int i = 0; i < 64; i++) {
					body.read();
				}
			}).isInstanceOf(SocketTimeoutException.class);
		}
	}

	@Test
	void trickledAnswersHoldNoThreadSoEveryOtherRequestIsServedMeanwhile() throws Exception {
		int trickling = 100;
		this.grantex.faults()
			.always(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.trickle(Duration.ofMillis(50), 8));
		List<RawConnection> connections = new ArrayList<>();
		try {
			for (int i = 0; i < trickling; i++) {
				connections.add(RawConnection.open(this.grantex.baseUrl(),
						"GET /scim/v2/ServiceProviderConfig HTTP/1.1", 5000));
			}
			WireClient client = new WireClient(this.grantex.baseUrl());
			long started = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				assertThat(client.get(USERS, this.tenant.scimToken()).status()).isEqualTo(200);
			}
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
			for (RawConnection connection : connections) {
				assertThat(connection.body().readNBytes(16)).hasSize(16);
			}
		}
		finally {
			for (RawConnection connection : connections) {
				connection.close();
			}
		}
		await(() -> this.grantex.requests().stream().allMatch((recorded) -> recorded.responseBodyBytes() >= 0));
	}

	@Test
	void closingTheServerEndsATrickle() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.trickle(Duration.ofMillis(20), 1));

		try (RawConnection connection = get(5000)) {
			InputStream body = connection.body();
			assertThat(body.read()).isEqualTo('{');
			this.grantex.close();
			long started = System.nanoTime();
			assertThatThrownBy(() -> {
				while (body.read() >= 0) {
					// drain what was sent before the close
				}
				throw new IOException("ended");
			}).isInstanceOf(IOException.class);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
		}
	}

	@Test
	void pausesAndWriteSizesOutOfRangeAreRefused() {
		assertThatThrownBy(() -> Fault.trickle(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.trickle(Duration.ofMillis(10), 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fault.trickle(Duration.ofMillis(10), 65_537))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Fault.trickle(Duration.ofSeconds(1), 2).withHeader("x-slow", "yes"))
			.hasToString("trickle(2 bytes every 1000ms) + x-slow: yes");
	}

}
