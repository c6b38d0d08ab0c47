package dev.grantex.scim.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting, stopping and serving many client threads at once. */
class ServerLifecycleTests {

	@Test
	void startsQuicklyOnItsOwnPortAndReleasesItOnClose() throws IOException {
		long started = System.nanoTime();
		FakeGrantexServer first = FakeGrantexServer.start();
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		FakeGrantexServer second = FakeGrantexServer.start();
		int port = first.baseUrl().getPort();

		assertThat(elapsedMillis).isLessThan(1000);
		assertThat(second.baseUrl().getPort()).isNotEqualTo(port);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			assertThat(socket.isConnected()).isTrue();
		}

		first.close();
		first.close();
		second.close();

		assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
		assertThat(first.toString()).contains("closed");
	}

	@Test
	void servesSixtyFourConcurrentClientsConsistently() throws Exception {
		try (FakeGrantexServer grantex = FakeGrantexServer.start()) {
			Tenant tenant = Tenant.register(grantex);
			WireClient client = new WireClient(grantex.baseUrl());
			ExecutorService threads = Executors.newFixedThreadPool(64);
			try {
				List<Callable<WireClient.Reply>> creations = new ArrayList<>();
				for (int i = 0; i < 256; i++) {
					String json = "{\"userName\":\"user-" + i + "\"}";
					creations
						.add(() -> client.call("POST", "/scim/v2/Users").bearer(tenant.scimToken()).json(json).send());
				}
				List<Callable<WireClient.Reply>> duplicates = new ArrayList<>();
				for (int i = 0; i < 64; i++) {
					duplicates.add(() -> client.call("POST", "/scim/v2/Users")
						.bearer(tenant.scimToken())
						.json("{\"userName\":\"same\"}")
						.send());
				}

				Set<String> ids = new HashSet<>();
				for (Future<WireClient.Reply> reply : threads.invokeAll(creations)) {
					assertThat(reply.get().status()).isEqualTo(201);
					ids.add(reply.get().json().get("id").stringValue());
				}
				List<Integer> duplicateStatuses = new ArrayList<>();
				for (Future<WireClient.Reply> reply : threads.invokeAll(duplicates)) {
					duplicateStatuses.add(reply.get().status());
				}

				assertThat(ids).hasSize(256);
				assertThat(duplicateStatuses).filteredOn((status) -> status == 201).hasSize(1);
				assertThat(duplicateStatuses).filteredOn((status) -> status == 500).hasSize(63);
				assertThat(grantex.users(tenant.apiKey())).hasSize(257);
				assertThat(grantex.requests()).hasSize(320);
				assertThat(
						client.get("/scim/v2/Users?count=1", tenant.scimToken()).json().get("totalResults").intValue())
					.isEqualTo(257);
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

}
