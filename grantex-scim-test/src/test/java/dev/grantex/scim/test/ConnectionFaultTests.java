package dev.grantex.scim.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scripted faults that act on the connection (a dropped connection before or after
 * processing, an answer cut short, a late answer), as a real JDK {@code HttpClient}
 * pinned to HTTP/1.1 sees them, including the JDK client's own silent second attempt on
 * {@code GET}.
 */
class ConnectionFaultTests {

	private static final FaultTarget CREATE_USER = FaultTarget.route("POST", "/scim/v2/Users");

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

	private HttpRequest.Builder request(String target) {
		return HttpRequest.newBuilder(URI.create(this.grantex.baseUrl() + target))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.tenant.scimToken());
	}

	private HttpRequest.Builder createUser(String userName) {
		return request("/scim/v2/Users").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"" + userName + "\"}"));
	}

	private HttpRequest listUsers() {
		return request("/scim/v2/Users").GET().build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private List<String> userNames() {
		List<String> names = new ArrayList<>();
		for (FakeScimUser user : this.grantex.users(this.tenant.apiKey())) {
			names.add(user.userName());
		}
		return names;
	}

	/**
	 * Runs the create and list paths of client and server once, so that a test measuring
	 * a short timeout does not measure class loading.
	 */
	private void warmUp() throws IOException, InterruptedException {
		String id = this.grantex.seedUser(this.tenant.apiKey(), "warm-up").id();
		assertThat(send(listUsers()).statusCode()).isEqualTo(200);
		assertThat(send(request("/scim/v2/Users/" + id).DELETE().build()).statusCode()).isEqualTo(204);
		assertThat(send(createUser("warm-up").build()).statusCode()).isEqualTo(201);
		assertThat(
				send(request("/scim/v2/Users/" + this.grantex.users(this.tenant.apiKey()).get(0).id()).DELETE().build())
					.statusCode())
			.isEqualTo(204);
		this.grantex.clearRequests();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not reached within 5 seconds");
			}
			Thread.sleep(5);
		}
	}

	@Test
	void dropBeforeProcessingFailsAPostWithAnIoExceptionAndStoresNothing() throws Exception {
		this.grantex.faults().enqueue(CREATE_USER, Fault.dropBeforeProcessing());

		assertThatThrownBy(() -> send(createUser("alice").build())).isInstanceOf(IOException.class)
			.isNotInstanceOf(HttpTimeoutException.class);

		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		RecordedRequest recorded = this.grantex.requests().get(0);
		assertThat(recorded.status()).as("no answer").isZero();
		assertThat(recorded.fault()).isEqualTo("dropBeforeProcessing");
		assertThat(recorded.bodyAsString()).isEqualTo("{\"userName\":\"alice\"}");
		assertThat(this.grantex.requests()).as("the JDK client does not send a POST again").hasSize(1);
		assertThat(send(createUser("alice").build()).statusCode()).isEqualTo(201);
	}

	@Test
	void processThenDropLosesTheAnswerToACreateButStoresTheUser() throws Exception {
		this.grantex.faults().enqueue(CREATE_USER, Fault.processThenDrop());

		assertThatThrownBy(() -> send(createUser("alice").build())).isInstanceOf(IOException.class)
			.isNotInstanceOf(HttpTimeoutException.class);

		assertThat(userNames()).containsExactly("alice");
		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).as("the lost answer").isEqualTo(201);
			assertThat(recorded.fault()).isEqualTo("processThenDrop");
		});
		HttpResponse<String> retry = send(createUser("alice").build());
		assertThat(retry.statusCode()).as("a blind retry meets its own success").isEqualTo(500);
		assertThat(userNames()).containsExactly("alice");
	}

	@Test
	void theJdkClientSilentlySendsAGetAgainWhenTheConnectionDropsBeforeAnyAnswer() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.dropBeforeProcessing());

		HttpResponse<String> hidden = send(listUsers());

		assertThat(hidden.statusCode()).isEqualTo(200);
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("dropBeforeProcessing", null);

		this.grantex.clearRequests();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.processThenDrop());
		assertThat(send(listUsers()).statusCode()).isEqualTo(200);
		assertThat(this.grantex.requests()).extracting(RecordedRequest::status).containsExactly(200, 200);

		this.grantex.clearRequests();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.dropBeforeProcessing(), Fault.dropBeforeProcessing());
		assertThatThrownBy(() -> send(listUsers())).isInstanceOf(IOException.class);
		assertThat(this.grantex.requests()).as("one JDK send, two attempts").hasSize(2);
		assertThat(this.grantex.faults().pending()).isZero();
	}

	@Test
	void theJdkClientDoesNotSendDeleteOrPatchAgain() throws Exception {
		String id = this.grantex.seedUser(this.tenant.apiKey(), "alice").id();
		this.grantex.faults()
			.enqueue(FaultTarget.route("*", "/scim/v2/Users"), Fault.dropBeforeProcessing(), Fault.processThenDrop());

		assertThatThrownBy(() -> send(request("/scim/v2/Users/" + id).DELETE().build()))
			.isInstanceOf(IOException.class);
		assertThat(userNames()).as("not processed").containsExactly("alice");
		assertThatThrownBy(() -> send(request("/scim/v2/Users/" + id).header("Content-Type", "application/json")
			.method("PATCH",
					HttpRequest.BodyPublishers
						.ofString("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"))
			.build())).isInstanceOf(IOException.class);

		assertThat(this.grantex.users(this.tenant.apiKey()).get(0).active()).as("processed").isFalse();
		assertThat(this.grantex.requests()).extracting(RecordedRequest::method).containsExactly("DELETE", "PATCH");
		assertThat(this.grantex.requests()).extracting(RecordedRequest::status).containsExactly(0, 200);
	}

	@Test
	void truncatedBodySendsTheStatusAndFullLengthThenFailsWhileTheBodyIsRead() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.grantex.seedUser(this.tenant.apiKey(), "user-" + i);
		}
		int fullLength = send(listUsers()).body().getBytes(StandardCharsets.UTF_8).length;
		this.grantex.clearRequests();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.truncatedBody(), Fault.truncatedBody());

		HttpResponse<InputStream> response = this.http.send(listUsers(), HttpResponse.BodyHandlers.ofInputStream());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-length")).hasValue(Integer.toString(fullLength));
		byte[] buffer = new byte[fullLength];
		int[] read = { 0 };
		try (InputStream body = response.body()) {
			assertThatThrownBy(() -> {
				int n;
				while ((n = body.read(buffer, read[0], buffer.length - read[0])) > 0) {
					read[0] += n;
				}
			}).isInstanceOf(IOException.class);
		}
		assertThat(read[0]).isLessThanOrEqualTo(fullLength / 2);
		assertThatThrownBy(() -> send(listUsers())).as("a body handler that reads it all")
			.isInstanceOf(IOException.class)
			.isNotInstanceOf(HttpTimeoutException.class);
		assertThat(this.grantex.requests()).extracting(RecordedRequest::fault)
			.containsExactly("truncatedBody", "truncatedBody");
		assertThat(this.grantex.requests()).as("the JDK client does not send a GET again once bytes arrived")
			.hasSize(2);
	}

	@Test
	void stalledBodySendsHalfTheBodyAtOnceAndTheRestAfterTheStall() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.grantex.seedUser(this.tenant.apiKey(), "user-" + i);
		}
		String whole = send(listUsers()).body();
		this.grantex.clearRequests();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.stalledBody(Duration.ofMillis(1500)));
		long started = System.nanoTime();

		HttpResponse<InputStream> response = this.http.send(listUsers(), HttpResponse.BodyHandlers.ofInputStream());
		Duration head = Duration.ofNanos(System.nanoTime() - started);
		String body;
		try (InputStream in = response.body()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Duration all = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(head).as("the head comes at once").isLessThan(Duration.ofMillis(1000));
		assertThat(all).as("the rest only after the stall").isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		assertThat(body).isEqualTo(whole);
		assertThat(this.grantex.requests()).singleElement()
			.extracting(RecordedRequest::fault)
			.isEqualTo("stalledBody(1500ms)");
	}

	@Test
	void truncatedBodyOnACreateStoresTheUser() throws Exception {
		this.grantex.faults().enqueue(CREATE_USER, Fault.truncatedBody());

		assertThatThrownBy(() -> send(createUser("alice").build())).isInstanceOf(IOException.class);

		assertThat(userNames()).containsExactly("alice");
		assertThat(this.grantex.requests()).singleElement().extracting(RecordedRequest::status).isEqualTo(201);
	}

	@Test
	void truncatedBodyOnAnAnswerWithoutABodyDropsTheConnectionAfterProcessing() throws Exception {
		String id = this.grantex.seedUser(this.tenant.apiKey(), "alice").id();
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.truncatedBody());

		assertThatThrownBy(() -> send(request("/scim/v2/Users/" + id).DELETE().build()))
			.isInstanceOf(IOException.class);

		assertThat(this.grantex.users(this.tenant.apiKey())).isEmpty();
		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).isEqualTo(204);
			assertThat(recorded.fault()).isEqualTo("truncatedBody (no body to cut: dropped)");
		});
	}

	@Test
	void delayThenProcessAnswersNormallyAfterTheDelay() throws Exception {
		warmUp();
		this.grantex.faults()
			.enqueue(CREATE_USER, Fault.delayThenProcess(Duration.ofMillis(150)).withHeader("x-delayed", "yes"));

		long started = System.nanoTime();
		HttpResponse<String> response = send(createUser("alice").build());
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("x-delayed")).hasValue("yes");
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).isEqualTo(201);
			assertThat(recorded.fault()).isEqualTo("delayThenProcess(150ms) + x-delayed: yes");
		});
	}

	@Test
	void delayThenProcessBeyondTheReadTimeoutTimesOutAndTheServerDoesTheWorkAfterwards() throws Exception {
		warmUp();
		this.grantex.faults().enqueue(CREATE_USER, Fault.delayThenProcess(Duration.ofMillis(800)));

		assertThatThrownBy(() -> send(createUser("alice").timeout(Duration.ofMillis(150)).build()))
			.isInstanceOf(HttpTimeoutException.class);

		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).as("recorded on arrival, not answered yet").isZero();
			assertThat(recorded.fault()).isEqualTo("delayThenProcess(800ms)");
		});
		assertThat(this.grantex.users(this.tenant.apiKey())).as("not processed yet").isEmpty();
		await(() -> this.grantex.requests().get(0).status() != 0);
		assertThat(this.grantex.requests().get(0).status()).isEqualTo(201);
		assertThat(userNames()).containsExactly("alice");
	}

	@Test
	void processThenDelayBeyondTheReadTimeoutHasDoneTheWorkWhenTheClientGivesUp() throws Exception {
		warmUp();
		this.grantex.faults()
			.enqueue(CREATE_USER, Fault.processThenDelay(Duration.ofMillis(600)),
					Fault.processThenDelay(Duration.ZERO).withHeader("x-late", "no"));

		assertThatThrownBy(() -> send(createUser("alice").timeout(Duration.ofMillis(150)).build()))
			.isInstanceOf(HttpTimeoutException.class);

		assertThat(userNames()).containsExactly("alice");
		assertThat(this.grantex.requests()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.status()).isEqualTo(201);
			assertThat(recorded.fault()).isEqualTo("processThenDelay(600ms)");
		});
		HttpResponse<String> immediate = send(createUser("bob").build());
		assertThat(immediate.statusCode()).isEqualTo(201);
		assertThat(immediate.headers().firstValue("x-late")).hasValue("no");
	}

	@Test
	void delaysHoldNoServerThreadSoOtherRequestsAreServedMeanwhile() throws Exception {
		warmUp();
		// more than the fake's 64 worker threads
		int delayedCount = 80;
		int otherCount = 40;
		FaultTarget config = FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig");
		// long enough that the others, served meanwhile, finish first even on a loaded
		// machine
		Fault slow = Fault.delayThenProcess(Duration.ofSeconds(3));
		this.grantex.faults().enqueue(config, Collections.nCopies(delayedCount, slow).toArray(Fault[]::new));

		List<CompletableFuture<HttpResponse<String>>> delayed = new ArrayList<>();
		for (int i = 0; i < delayedCount; i++) {
			delayed.add(this.http.sendAsync(request("/scim/v2/ServiceProviderConfig").GET().build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		await(() -> this.grantex.requests().size() == delayedCount);
		List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
		for (int i = 0; i < otherCount; i++) {
			others.add(this.http.sendAsync(listUsers(), HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

		assertThat(delayed).as("more delayed requests than worker threads, all still waiting")
			.noneMatch(CompletableFuture::isDone);
		for (CompletableFuture<HttpResponse<String>> other : others) {
			assertThat(other.get().statusCode()).isEqualTo(200);
		}
		CompletableFuture.allOf(delayed.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		for (CompletableFuture<HttpResponse<String>> late : delayed) {
			assertThat(late.get().statusCode()).isEqualTo(200);
		}
		assertThat(this.grantex.requests()).hasSize(delayedCount + otherCount);
		assertThat(this.grantex.requests()).filteredOn((recorded) -> recorded.fault() != null)
			.hasSize(delayedCount)
			.allSatisfy((recorded) -> assertThat(recorded.status()).isEqualTo(200));
		assertThat(this.grantex.faults().pending()).isZero();
	}

	@Test
	void closingTheServerAbandonsARequestWaitingOutADelay() throws Exception {
		this.grantex.faults().enqueue(FaultTarget.any(), Fault.delayThenProcess(Duration.ofSeconds(30)));
		CompletableFuture<HttpResponse<String>> waiting = this.http.sendAsync(listUsers(),
				HttpResponse.BodyHandlers.ofString());
		await(() -> this.grantex.requests().size() == 1);

		long started = System.nanoTime();
		this.grantex.close();

		assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(IOException.class);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
	}

}
