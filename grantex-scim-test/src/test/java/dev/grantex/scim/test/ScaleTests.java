package dev.grantex.scim.test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hundred thousand users for one developer, read as fast as a client asks with the real
 * server's rate limits on; the limiters exact under 64 concurrent clients; and a worker
 * pool that slow readers of large bodies cannot exhaust.
 */
class ScaleTests {

	private static final int USERS = 100_000;

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final Tenant tenant = Tenant.register(this.grantex);

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final ExecutorService threads = Executors.newFixedThreadPool(64);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.grantex.close();
	}

	@Test
	void aHundredThousandSeededUsersArePagedThroughInAFewSecondsUnderTheRealLimits() {
		long started = System.nanoTime();
		List<FakeScimUser> seeded = this.grantex.seedUsers(this.tenant.apiKey(), USERS);
		long seeding = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		List<String> ids = new ArrayList<>(USERS);
		int startIndex = 1;
		int pages = 0;
		started = System.nanoTime();
		while (true) {
			WireClient.Reply reply = this.client.get("/scim/v2/Users?startIndex=" + startIndex + "&count=200",
					this.tenant.scimToken());
			assertThat(reply.status()).isEqualTo(200);
			JsonNode page = reply.json();
			page.get("Resources").forEach((user) -> ids.add(user.get("id").stringValue()));
			pages++;
			int returned = page.get("Resources").size();
			if (returned == 0 || startIndex - 1 + returned >= page.get("totalResults").intValue()) {
				break;
			}
			startIndex += returned;
		}
		long paging = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(seeded).hasSize(USERS);
		assertThat(seeded.get(USERS - 1).userName()).isEqualTo("user-100000@example.com");
		assertThat(pages).isEqualTo(500);
		assertThat(ids).containsExactlyElementsOf(seeded.stream().map(FakeScimUser::id).toList());
		assertThat(seeding).as("seeding, ms").isLessThan(5_000);
		assertThat(paging).as("paging, ms (about two seconds on two cores)").isLessThan(30_000);
	}

	@Test
	void usersAreFoundReplacedAndDeletedByIdAndTheirNamesStayUniqueAmongAHundredThousand() {
		List<FakeScimUser> seeded = this.grantex.seedUsers(this.tenant.apiKey(), USERS);
		FakeScimUser middle = seeded.get(USERS / 2);
		FakeScimUser last = seeded.get(USERS - 1);

		WireClient.Reply duplicate = post("{\"userName\":\"user-77777@example.com\"}");
		WireClient.Reply renamedOntoAnother = this.client.call("PUT", "/scim/v2/Users/" + middle.id())
			.bearer(this.tenant.scimToken())
			.json("{\"userName\":\"" + last.userName() + "\"}")
			.send();
		WireClient.Reply renamed = this.client.call("PATCH", "/scim/v2/Users/" + middle.id())
			.bearer(this.tenant.scimToken())
			.json("{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"renamed@example.com\"}]}")
			.send();
		WireClient.Reply oldNameFree = post("{\"userName\":\"" + middle.userName() + "\"}");
		WireClient.Reply newNameTaken = post("{\"userName\":\"renamed@example.com\"}");
		WireClient.Reply deleted = this.client.call("DELETE", "/scim/v2/Users/" + last.id())
			.bearer(this.tenant.scimToken())
			.send();
		WireClient.Reply deletedNameFree = post("{\"userName\":\"" + last.userName() + "\"}");
		WireClient.Reply found = this.client.get("/scim/v2/Users/" + middle.id(), this.tenant.scimToken());
		JsonNode lastPage = this.client.get("/scim/v2/Users?startIndex=100000&count=200", this.tenant.scimToken())
			.json();

		assertThat(duplicate.status()).isEqualTo(500);
		assertThat(renamedOntoAnother.status()).isEqualTo(500);
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(oldNameFree.status()).isEqualTo(201);
		assertThat(newNameTaken.status()).isEqualTo(500);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deletedNameFree.status()).isEqualTo(201);
		assertThat(found.json().get("userName").stringValue()).isEqualTo("renamed@example.com");
		assertThat(lastPage.get("totalResults").intValue()).isEqualTo(USERS + 1);
		assertThat(lastPage.get("Resources")).extracting((user) -> user.get("userName").stringValue())
			.containsExactly(middle.userName(), last.userName());
	}

	@Test
	void thePerIpLimitIsExactUnderSixtyFourConcurrentClients() throws Exception {
		this.grantex.ipRateLimit(500, Duration.ofSeconds(30));

		List<Answer> answers = concurrently(1000, "GET /scim/v2/ServiceProviderConfig HTTP/1.1");

		List<Answer> allowed = answers.stream().filter((answer) -> answer.status() == 200).toList();
		List<Answer> refused = answers.stream().filter((answer) -> answer.status() == 429).toList();
		assertThat(allowed).hasSize(500);
		assertThat(refused).hasSize(500);
		Set<String> remaining = new HashSet<>();
		allowed.forEach((answer) -> remaining.add(answer.header("x-ratelimit-remaining")));
		assertThat(remaining).as("each count of the window exactly once").hasSize(500).contains("0", "499");
		assertThat(refused).allSatisfy((answer) -> {
			assertThat(answer.header("x-ratelimit-limit")).isEqualTo("500");
			assertThat(answer.header("x-ratelimit-remaining")).isEqualTo("0");
			assertThat(answer.header("retry-after")).isEqualTo(answer.header("x-ratelimit-reset"));
			assertThat(Integer.parseInt(answer.header("retry-after"))).isBetween(1, 30);
			assertThat(answer.body()).contains("\"message\":\"Rate limit exceeded, retry in ")
				.contains("\"code\":\"BAD_REQUEST\"");
		});
		assertThat(this.grantex.requestCount()).isEqualTo(1000);
	}

	@Test
	void thePlanLimitIsExactPerDeveloperUnderSixtyFourConcurrentClients() throws Exception {
		Duration window = Duration.ofMinutes(10);
		long toNextWindow = window.toMillis() - System.currentTimeMillis() % window.toMillis();
		if (toNextWindow < 15_000) {
			// the plan windows are aligned to the clock: start the burst in a fresh one
			Thread.sleep(toNextWindow + 50);
		}
		this.grantex.planRateLimit(200, window);

		List<Answer> answers = concurrently(300,
				"GET /v1/scim/tokens HTTP/1.1\r\nAuthorization: Bearer " + this.tenant.apiKey());

		assertThat(answers).filteredOn((answer) -> answer.status() == 200).hasSize(200);
		assertThat(answers).filteredOn((answer) -> answer.status() == 429).hasSize(100).allSatisfy((answer) -> {
			assertThat(answer.header("x-ratelimit-limit")).isEqualTo("200");
			assertThat(answer.header("retry-after")).isEqualTo(answer.header("x-ratelimit-reset"));
			assertThat(answer.body()).contains("\"message\":\"Plan rate limit exceeded, retry in ")
				.contains("\"code\":\"RATE_LIMIT_EXCEEDED\"");
		});
		Tenant other = Tenant.register(this.grantex);
		assertThat(this.client.get("/v1/scim/tokens", other.apiKey()).status()).as("another developer").isEqualTo(200);
	}

	@Test
	void clientsThatStopReadingLargeBodiesLeaveWorkersForEveryoneElse() throws Exception {
		this.grantex.faults()
			.always(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.largeBody(200, JsonDocument.USER, 1L << 30));
		List<Socket> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 32; i++) {
				Socket socket = new Socket("127.0.0.1", this.grantex.baseUrl().getPort());
				socket.setReceiveBufferSize(4096);
				socket.getOutputStream()
					.write("GET /scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: fake\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
				stalled.add(socket);
			}
			long started = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				assertThat(this.client.get("/scim/v2/Users", this.tenant.scimToken()).status()).isEqualTo(200);
			}
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
	}

	@Test
	void recordingCanBeLimitedOrTurnedOffWhileEveryRequestIsStillCounted() {
		this.grantex.recordRequests(3);
		for (int i = 1; i <= 5; i++) {
			this.client.get("/scim/v2/Users?count=" + i, this.tenant.scimToken());
		}
		assertThat(this.grantex.requests()).extracting(RecordedRequest::rawQuery)
			.containsExactly("count=3", "count=4", "count=5");
		assertThat(this.grantex.requestCount()).isEqualTo(5);

		this.grantex.recordRequests(1);
		assertThat(this.grantex.requests()).extracting(RecordedRequest::rawQuery).containsExactly("count=5");

		this.grantex.recordRequests(0);
		this.client.get("/scim/v2/Users", this.tenant.scimToken());
		assertThat(this.grantex.requests()).isEmpty();
		assertThat(this.grantex.requestCount()).isEqualTo(6);

		this.grantex.clearRequests();
		assertThat(this.grantex.requestCount()).isZero();
		this.grantex.recordRequests(Integer.MAX_VALUE);
		this.client.get("/scim/v2/Users", this.tenant.scimToken());
		assertThat(this.grantex.requests()).hasSize(1);
	}

	private WireClient.Reply post(String json) {
		return this.client.call("POST", "/scim/v2/Users").bearer(this.tenant.scimToken()).json(json).send();
	}

	/** Sends the requests from 64 threads at once, each on its own connection. */
	private List<Answer> concurrently(int requests, String requestHead) throws Exception {
		List<Callable<Answer>> calls = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			calls.add(() -> {
				try (RawConnection connection = RawConnection.open(this.grantex.baseUrl(), requestHead, 10_000)) {
					TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
					for (String name : List.of("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset",
							"retry-after")) {
						String value = connection.header(name);
						if (value != null) {
							headers.put(name, value);
						}
					}
					return new Answer(connection.status(), headers,
							new String(connection.readBody(), StandardCharsets.UTF_8));
				}
			});
		}
		List<Answer> answers = new ArrayList<>();
		for (Future<Answer> answer : this.threads.invokeAll(calls)) {
			answers.add(answer.get());
		}
		return answers;
	}

	/** One answer of a concurrent burst. */
	private record Answer(int status, TreeMap<String, String> headers, String body) {

		String header(String name) {
			String value = this.headers.get(name);
			if (value == null) {
				throw new AssertionError("No " + name + " header");
			}
			return value;
		}

	}

}
