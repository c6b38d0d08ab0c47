package dev.grantex.scim.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails;
import dev.grantex.scim.sample.SyncAction.Kind;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.autoconfigure.AutoConfigureGrantexScimFake;

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

	@Autowired
	private GrantexScimConnectionDetails connection;

	@Autowired
	private ResourceLoader resourceLoader;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.printed, true, StandardCharsets.UTF_8);

	@Test
	void theFakesConnectionDetailsReplaceTheSamplesOwnSoNoEmbeddedGrantexStarts() {
		assertThat(this.connection).isNotInstanceOf(GrantexConnection.class);
		assertThat(this.connection.baseUrl()).isEqualTo(this.grantex.baseUrl());
		assertThat(this.connection.scimToken()).isEqualTo(this.grantex.scimToken());
		assertThat(this.connection).asString().doesNotContain(this.grantex.scimToken());
		assertThat(this.context.getBeanNamesForType(GrantexConnection.class)).isEmpty();
	}

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
			.containsExactlyInAnyOrder(tuple("left@example.com", null, null, false),
					tuple("ada@example.com", "Ada Lovelace", "e1", true),
					tuple("grace@example.com", "Grace Hopper", "e2", true));
		assertThat(this.grantex.users()
			.stream()
			.filter((user) -> user.userName().equals("ada@example.com"))
			.map((user) -> user.emails().get(0).get("value").stringValue())).containsExactly("ada@example.com");
		assertThat(this.printed.toString(StandardCharsets.UTF_8)).contains("Applying 3 changes, 3 at a time...")
			.containsPattern("\\[[123]/3\\] created     ada@example.com")
			.containsPattern("\\[[123]/3\\] deactivated left@example.com");
	}

	@Test
	void aUserThatFailsDoesNotStopTheOthers() {
		this.grantex.server()
			.faults()
			.enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.html(502), Fault.html(502), Fault.html(502),
					Fault.html(502));

		// one change at a time: the four faults all go to the first creation
		SyncReport report = this.sync.sync(DIRECTORY, new SyncSettings(false, false, 1, ProgressPrinter.Style.LINES),
				this.out);

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

	@Test
	void onATerminalTheCommandShowsOneProgressLineAndWithVerboseALinePerChangeToo(@TempDir Path temp)
			throws IOException {
		Path file = Files.writeString(temp.resolve("hr.csv"),
				"userName,externalId\nada@example.com,e1\ngrace@example.com,e2\nalan@example.com,e3\n");
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		SyncCommand command = new SyncCommand(this.sync, this.connection, this.resourceLoader, this.environment,
				this.out, new PrintStream(errors, true, StandardCharsets.UTF_8), () -> true);

		command.run(new DefaultApplicationArguments("--file=" + file, "--concurrency=2"));

		assertThat(command.getExitCode()).isEqualTo(SyncCommand.OK);
		String printed = this.printed.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("Applying 3 changes, 2 at a time...")
			.containsPattern("\r  3/3 changes \\(100%\\), \\d+ changes/s, ETA 0:00, 0 failed *" + System.lineSeparator()
					+ "Summary: 3 created")
			.doesNotContain("] created");
		assertThat(errors.size()).isZero();

		this.grantex.seedUser("left@example.com");
		command.run(new DefaultApplicationArguments("--file=" + file, "--verbose"));

		assertThat(this.printed.toString(StandardCharsets.UTF_8).substring(printed.length()))
			.contains("[1/1] deactivated left@example.com" + System.lineSeparator() + "\r  1/1 changes (100%)");
	}

}
