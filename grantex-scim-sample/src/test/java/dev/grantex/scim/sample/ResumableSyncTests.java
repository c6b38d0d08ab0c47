package dev.grantex.scim.sample;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.sample.SyncAction.Kind;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;
import dev.grantex.scim.test.junit.GrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A sync stopped part way, or whose answers were lost, and run again: the second run
 * plans what is left from what Grantex holds, and in the end Grantex matches the
 * directory, with every user created once. The directory holds changes that must wait for
 * others: a chain of renames, each into the name the one before frees, ending in a
 * creation, and users deleted so that new people can take their names.
 */
@GrantexScimFake
@Timeout(60)
class ResumableSyncTests {

	private static final int NEW_PEOPLE = 300;

	private static final int CHAIN = 10;

	private static final int REUSED = 10;

	private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

	private final List<DirectoryUser> directory = new ArrayList<>();

	private FakeGrantexAccount grantex;

	private FakeGrantexServer server;

	@BeforeEach
	void grantexHoldsAnEarlierState(FakeGrantexAccount grantex) {
		this.grantex = grantex;
		this.server = grantex.server();
		try (ScimClient scim = client(ScimRetrySettings.defaults())) {
			for (int k = 0; k < CHAIN; k++) {
				// chain-(k+1) is to become chain-k, which the user before frees
				scim.createUser(person("chain-" + (k + 1), "c-" + k).toParams());
				this.directory.add(person("chain-" + k, "c-" + k));
			}
			// and the last name freed goes to a new person
			this.directory.add(person("chain-" + CHAIN, "c-new"));
			for (int j = 0; j < REUSED; j++) {
				// someone who left, whose userName a new person gets
				scim.createUser(person("reused-" + j, "left-" + j).toParams());
				this.directory.add(person("reused-" + j, "joined-" + j));
			}
		}
		for (int i = 0; i < NEW_PEOPLE; i++) {
			this.directory.add(person("new-" + i, "n-" + i));
		}
		this.server.clearRequests();
	}

	@Test
	void aSyncStoppedPartWayIsFinishedByTheNextRun() throws Exception {
		// slow enough to stop part way: the client paces itself under 100 requests a
		// second
		this.server.ipRateLimit(100, Duration.ofSeconds(1));
		try (ScimClient scim = client(ScimRetrySettings.defaults())) {
			DirectorySync sync = new DirectorySync(scim);
			SyncSettings settings = new SyncSettings(false, true, 8, ProgressPrinter.Style.LINES);
			ByteArrayOutputStream printed = new ByteArrayOutputStream();
			PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
			CompletableFuture<SyncReport> first = CompletableFuture
				.supplyAsync(() -> sync.sync(this.directory, settings, out));
			while (changesSeen() < 100) {
				Thread.sleep(10);
			}

			sync.stop();

			SyncReport stopped = first.get(30, TimeUnit.SECONDS);
			assertThat(stopped.plan().actions()).hasSize(NEW_PEOPLE + 1 + CHAIN + 2 * REUSED);
			assertThat(stopped.stopped()).isTrue();
			assertThat(stopped.failures()).isEmpty();
			assertThat(stopped.notMade()).isPositive();
			assertThat(stopped.changed() + stopped.notMade()).isEqualTo(stopped.plan().actions().size());
			assertThat(stopped.summary()).contains(" not made (stopped)");
			assertThat(printed.toString(StandardCharsets.UTF_8))
				.contains("Stopped: of the " + stopped.plan().actions().size() + " changes, " + stopped.changed()
						+ " made, 0 failed, " + stopped.notMade() + " not made; run again to make the rest.");

			SyncReport second = sync.sync(this.directory, settings, NOWHERE);
			assertThat(second.plan().actions()).as("what the first left").hasSize(stopped.notMade());
			assertThat(second.failed()).isFalse();
			assertThat(sync.sync(this.directory, settings, NOWHERE).plan().isEmpty()).isTrue();
		}
		assertGrantexMatchesTheDirectoryAndNobodyWasCreatedTwice();
	}

	@Test
	void changesWhoseAnswersWereLostAreNotMadeTwice() {
		// the server does the work and the answer never comes back, as when the client
		// crashes or the network fails at that moment; no retries, so nothing checks
		this.server.faults()
			.enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.processThenDrop(), Fault.processThenDrop(),
					Fault.processThenDrop())
			.enqueue(FaultTarget.route("PUT", "/scim/v2/Users/" + id("chain-1")), Fault.processThenDrop())
			.enqueue(FaultTarget.route("DELETE", "/scim/v2/Users/" + id("reused-3")), Fault.processThenDrop());
		this.server.ipRateLimit(1000, Duration.ofSeconds(1));
		try (ScimClient scim = client(ScimRetrySettings.disabled())) {
			DirectorySync sync = new DirectorySync(scim);
			SyncSettings settings = new SyncSettings(false, true, 8, ProgressPrinter.Style.LINES);

			SyncReport first = sync.sync(this.directory, settings, NOWHERE);

			Map<String, String> failed = first.failures()
				.stream()
				.collect(Collectors.toMap(
						(failure) -> failure.action().kind().verb() + " " + failure.action().userName(),
						SyncReport.Failure::reason));
			assertThat(failed).as("5 lost answers, and the changes that waited for two of them")
				.hasSize(5 + (CHAIN - 1) + 1 + 1)
				.containsKeys("delete reused-3", "replace chain-0")
				.containsEntry("create reused-3",
						"not tried: userName reused-3 is still taken, since deleting reused-3 failed")
				.containsEntry("replace chain-1",
						"not tried: userName chain-1 is still taken, since renaming chain-1 to chain-0 failed")
				.containsEntry("create chain-" + CHAIN,
						"not tried: userName chain-" + CHAIN + " is still taken, since renaming chain-" + CHAIN
								+ " to chain-" + (CHAIN - 1) + " was not tried");

			SyncReport second = sync.sync(this.directory, settings, NOWHERE);
			assertThat(second.failed()).isFalse();
			assertThat(second.done(Kind.CREATE)).as("the three lost creations are there already")
				.isEqualTo(NEW_PEOPLE + 1 + REUSED - first.done(Kind.CREATE) - 3);
			assertThat(sync.sync(this.directory, settings, NOWHERE).plan().isEmpty()).isTrue();
		}
		assertGrantexMatchesTheDirectoryAndNobodyWasCreatedTwice();
	}

	private void assertGrantexMatchesTheDirectoryAndNobodyWasCreatedTwice() {
		assertThat(this.grantex.users()).extracting(FakeScimUser::userName, FakeScimUser::externalId)
			.containsExactlyInAnyOrderElementsOf(
					this.directory.stream().map((user) -> tuple(user.userName(), user.externalId())).toList());
		List<RecordedRequest> creations = this.server.requests()
			.stream()
			.filter((request) -> request.method().equals("POST") && request.status() != 429)
			.toList();
		assertThat(creations).as("one POST per person created, none refused as a duplicate")
			.hasSize(NEW_PEOPLE + 1 + REUSED)
			.allSatisfy((request) -> assertThat(request.status()).isIn(201, 0));
		assertThat(creations.stream().map(RecordedRequest::bodyAsString).map(ResumableSyncTests::userName))
			.doesNotHaveDuplicates();
	}

	private long changesSeen() {
		return this.server.requests().stream().filter((request) -> !request.method().equals("GET")).count();
	}

	private String id(String userName) {
		return this.grantex.users()
			.stream()
			.filter((user) -> user.userName().equals(userName))
			.map(FakeScimUser::id)
			.findFirst()
			.orElseThrow();
	}

	private ScimClient client(ScimRetrySettings retry) {
		return ScimClient.builder()
			.baseUrl(this.grantex.baseUrl())
			.scimToken(this.grantex.scimToken())
			.retry(retry)
			.build();
	}

	private static DirectoryUser person(String userName, String externalId) {
		return new DirectoryUser(userName, externalId, null, null, true);
	}

	private static String userName(String body) {
		int start = body.indexOf("\"userName\":\"") + "\"userName\":\"".length();
		return body.substring(start, body.indexOf('"', start));
	}

}
