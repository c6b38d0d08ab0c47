package dev.grantex.scim.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.autoconfigure.AutoConfigureGrantexScimFake;
import dev.grantex.scim.sample.SyncAction.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sync service as an application's own test would check it:
 * {@link AutoConfigureGrantexScimFake} points the auto-configured {@code ScimClient} at a
 * fake Grantex, and the test seeds users, scripts faults and reads what the server holds.
 * Each test finds the server empty, whatever the one before left.
 */
@SpringBootTest(properties = { "sync.command.enabled=false", "grantex.retry.initial-delay=1ms" })
@AutoConfigureGrantexScimFake
class DirectorySyncTests {

	private static final List<DirectoryUser> DIRECTORY = List.of(
			new DirectoryUser("ada@example.com", "e1", "Ada Lovelace", "ada@example.com", true),
			new DirectoryUser("grace@example.com", "e2", "Grace Hopper", "grace@example.com", true));

	@Autowired
	private DirectorySync sync;

	@Autowired
	private FakeGrantexAccount grantex;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.printed, true, StandardCharsets.UTF_8);

	@Test
	void createsWhoIsMissingAndDeactivatesWhoLeft() {
		this.grantex.seedUser("left@example.com");

		SyncReport report = this.sync.sync(DIRECTORY, false, false, this.out);

		assertThat(report.failed()).isFalse();
		assertThat(report.done(Kind.CREATE)).isEqualTo(2);
		assertThat(report.done(Kind.DEACTIVATE)).isEqualTo(1);
		assertThat(this.grantex.users())
			.extracting(FakeScimUser::userName, FakeScimUser::displayName, FakeScimUser::externalId,
					FakeScimUser::active)
			.containsExactly(tuple("left@example.com", null, null, false),
					tuple("ada@example.com", "Ada Lovelace", "e1", true),
					tuple("grace@example.com", "Grace Hopper", "e2", true));
		assertThat(this.grantex.users().get(1).emails().get(0).get("value").stringValue()).isEqualTo("ada@example.com");
		assertThat(this.printed.toString(StandardCharsets.UTF_8)).contains("[1/3] created     ada@example.com");
	}

	@Test
	void aUserThatFailsDoesNotStopTheOthers() {
		this.grantex.server()
			.faults()
			.enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.html(502), Fault.html(502), Fault.html(502),
					Fault.html(502));

		SyncReport report = this.sync.sync(DIRECTORY, false, false, this.out);

		assertThat(report.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.action().userName()).isEqualTo("ada@example.com");
			assertThat(failure.reason()).contains("Gave up after 4 attempts");
		});
		assertThat(this.grantex.users()).extracting(FakeScimUser::userName).containsExactly("grace@example.com");
	}

	@Test
	void aDryRunOnlyPlans() {
		this.grantex.seedUser("ada@example.com");

		SyncReport report = this.sync.sync(DIRECTORY, true, false, this.out);

		assertThat(report.plan().count(Kind.CREATE)).isEqualTo(1);
		assertThat(report.plan().count(Kind.REPLACE)).isEqualTo(1);
		assertThat(report.changed()).isZero();
		assertThat(this.grantex.users()).extracting(FakeScimUser::userName).containsExactly("ada@example.com");
		assertThat(this.grantex.server().requests()).extracting((request) -> request.method()).containsOnly("GET");
	}

}
