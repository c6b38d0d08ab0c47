package dev.grantex.scim.test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripted faults under 64 client threads at once: each fault is used by exactly one
 * request.
 */
class FaultConcurrencyTests {

	private static final int THREADS = 64;

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final Tenant tenant = Tenant.register(this.grantex);

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.grantex.close();
	}

	/**
	 * Runs the calls on 64 threads released at the same moment; an I/O failure becomes
	 * status -1.
	 */
	private List<Integer> burst(List<Callable<WireClient.Reply>> calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (Callable<WireClient.Reply> call : calls) {
			results.add(this.threads.submit(() -> {
				ready.countDown();
				go.await();
				try {
					return call.call().status();
				}
				catch (UncheckedIOException connectionFailed) {
					return -1;
				}
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get(20, TimeUnit.SECONDS));
		}
		return statuses;
	}

	private static Map<Integer, Long> histogram(List<Integer> statuses) {
		return statuses.stream()
			.collect(Collectors.groupingBy((status) -> status, TreeMap::new, Collectors.counting()));
	}

	@Test
	void aScripted429BurstIsUsedExactlyOnceAcross64ConcurrentRequests() throws Exception {
		this.grantex.faults()
			.enqueue(FaultTarget.any(),
					Collections.nCopies(40, Fault.rateLimited(Duration.ofSeconds(1))).toArray(Fault[]::new));
		List<Callable<WireClient.Reply>> calls = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			calls.add(() -> this.client.get("/scim/v2/Users?count=1", this.tenant.scimToken()));
		}

		List<Integer> statuses = burst(calls);

		assertThat(histogram(statuses)).containsExactly(Map.entry(200, 24L), Map.entry(429, 40L));
		assertThat(this.grantex.faults().pending()).isZero();
		assertThat(this.grantex.requests()).hasSize(THREADS);
		assertThat(this.grantex.requests()).filteredOn((recorded) -> "rateLimited(1s)".equals(recorded.fault()))
			.hasSize(40)
			.allSatisfy((recorded) -> assertThat(recorded.status()).isEqualTo(429));
	}

	@Test
	void aMixedBurstOnCreateUsesEveryFaultOnceAndStoresExactlyTheProcessedUsers() throws Exception {
		List<Fault> script = new ArrayList<>();
		script.addAll(Collections.nCopies(24, Fault.rateLimited(Duration.ofSeconds(1))));
		script.addAll(Collections.nCopies(8, Fault.serverError(503)));
		script.addAll(Collections.nCopies(8, Fault.processThenDrop()));
		script.addAll(Collections.nCopies(4, Fault.dropBeforeProcessing()));
		this.grantex.faults().enqueue(FaultTarget.route("POST", "/scim/v2/Users"), script.toArray(Fault[]::new));
		List<Callable<WireClient.Reply>> calls = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			String json = "{\"userName\":\"user-" + i + "\"}";
			calls.add(
					() -> this.client.call("POST", "/scim/v2/Users").bearer(this.tenant.scimToken()).json(json).send());
		}

		List<Integer> statuses = burst(calls);

		assertThat(histogram(statuses)).containsExactly(Map.entry(-1, 12L), Map.entry(201, 20L), Map.entry(429, 24L),
				Map.entry(503, 8L));
		assertThat(this.grantex.faults().pending()).isZero();
		assertThat(this.grantex.requests()).hasSize(THREADS);
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.filteredOn((fault) -> fault != null)
			.hasSize(44);
		List<String> processed = this.grantex.requests()
			.stream()
			.filter((recorded) -> recorded.status() == 201)
			.map((recorded) -> recorded.bodyAsString())
			.sorted()
			.collect(Collectors.toList());
		assertThat(processed).as("20 answered and 8 whose answer was lost").hasSize(28);
		List<String> stored = this.grantex.users(this.tenant.apiKey())
			.stream()
			.map((user) -> "{\"userName\":\"" + user.userName() + "\"}")
			.sorted()
			.collect(Collectors.toList());
		assertThat(stored).isEqualTo(processed);
		assertThat(Stream.of(this.grantex.requests().toArray(RecordedRequest[]::new))
			.filter((recorded) -> "processThenDrop".equals(recorded.fault()))
			.allMatch((recorded) -> recorded.status() == 201)).isTrue();
	}

}
