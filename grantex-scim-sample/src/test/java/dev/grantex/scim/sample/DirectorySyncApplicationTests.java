package dev.grantex.scim.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.RecordedRequest;
import dev.grantex.scim.test.junit.GrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application, run as {@code main} runs it (without exiting the JVM), against a
 * fake Grantex server that {@link GrantexScimFake @GrantexScimFake} starts for each test
 * and that outlives each run, as a real Grantex would: faults on some users leave the
 * others synced and the exit status 1; a second run changes nothing; and with no Grantex
 * configured, the embedded default.
 */
@GrantexScimFake
@ExtendWith(OutputCaptureExtension.class)
class DirectorySyncApplicationTests {

	private static final String DIRECTORY = """
			userName,externalId,displayName,email
			alice@example.com,e1,Alice,alice@example.com
			bob@example.com,e2,Robert,bob@example.com
			carol@example.com,e3,Carol,carol@example.com
			dave@example.com,e4,Dave,dave@example.com
			erin@example.com,e5,Erin,erin@example.com
			""";

	@TempDir
	private Path directory;

	private Path file;

	private FakeGrantexAccount grantex;

	private CapturedOutput output;

	private int outputSeen;

	@BeforeEach
	void grantexHasUsersAlready(FakeGrantexAccount grantex, CapturedOutput output) throws IOException {
		this.grantex = grantex;
		this.output = output;
		this.file = Files.writeString(this.directory.resolve("hr.csv"), DIRECTORY);
		ScimClient scim = ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(grantex.scimToken()).build();
		List.of(new DirectoryUser("alice@example.com", "e1", "Alice", "alice@example.com", true),
				new DirectoryUser("bob@example.com", "e2", "Bob", "bob@example.com", true),
				new DirectoryUser("carol@example.com", "e3", "Caroline", "carol@example.com", true),
				new DirectoryUser("frank@example.com", "e6", "Frank", "frank@example.com", true),
				new DirectoryUser("gina@example.com", "e7", "Gina", "gina@example.com", true))
			.forEach((user) -> scim.createUser(user.toParams()));
		grantex.server().clearRequests();
	}

	@Test
	void failuresOnSomeUsersLeaveTheOthersSyncedAndTheStatusOne() {
		FakeGrantexServer server = this.grantex.server();
		server.faults()
			.enqueue(FaultTarget.route("PUT", "/scim/v2/Users/" + id("bob@example.com")),
					Fault.status(400, "application/json", "{\"detail\":\"refused\",\"status\":\"400\"}"))
			.enqueue(FaultTarget.route("PUT", "/scim/v2/Users/" + id("carol@example.com")), Fault.serverError(503))
			.enqueue(FaultTarget.route("POST", "/scim/v2/Users"), Fault.serverError(500))
			.enqueue(FaultTarget.route("PATCH", "/scim/v2/Users/" + id("gina@example.com")), Fault.serverError(503));

		assertThat(run()).isEqualTo(SyncCommand.SOME_FAILED);

		// the creations run at once: either may meet the POST's fault
		String output = newOutput();
		String failedCreation = output.contains("FAILED      dave@example.com") ? "dave@example.com"
				: "erin@example.com";
		String creation = failedCreation.equals("dave@example.com") ? "erin@example.com" : "dave@example.com";
		assertThat(output).contains("Plan: 2 to create, 2 to replace, 2 to deactivate, 0 to delete; 1 unchanged.")
			.contains("FAILED      bob@example.com: could not replace: ")
			.contains("replaced    carol@example.com")
			.contains("FAILED      " + failedCreation + ": could not create: ")
			.contains("created     " + creation)
			.contains("deactivated frank@example.com")
			.contains("FAILED      gina@example.com: could not deactivate: ")
			.contains("Summary: 1 created, 1 replaced, 1 deactivated, 0 deleted, 1 unchanged, 3 failed")
			.contains("Some changes failed or were not made (see above); run again to make them.");
		assertThat(stored("bob@example.com").displayName()).isEqualTo("Bob");
		assertThat(stored("carol@example.com").displayName()).isEqualTo("Carol");
		assertThat(this.grantex.users()).extracting(FakeScimUser::userName)
			.contains(creation)
			.doesNotContain(failedCreation);
		assertThat(stored("frank@example.com").active()).isFalse();
		assertThat(stored("gina@example.com").active()).isTrue();
		assertThat(server.requests()).filteredOn((request) -> request.method().equals("PUT"))
			.extracting(RecordedRequest::rawPath)
			.as("the 400 is not retried, the 503 is")
			.containsExactlyInAnyOrder("/scim/v2/Users/" + id("bob@example.com"),
					"/scim/v2/Users/" + id("carol@example.com"), "/scim/v2/Users/" + id("carol@example.com"));

		assertThat(run()).as("a run after the faults are gone makes the failed changes only").isEqualTo(SyncCommand.OK);
		assertThat(newOutput()).contains("Plan: 1 to create, 1 to replace, 1 to deactivate, 0 to delete; 4 unchanged.")
			.contains("Summary: 1 created, 1 replaced, 1 deactivated, 0 deleted, 4 unchanged, 0 failed");
	}

	@Test
	void aSecondRunChangesNothing() {
		assertThat(run()).isEqualTo(SyncCommand.OK);
		assertThat(newOutput()).contains("Summary: 2 created, 2 replaced, 2 deactivated, 0 deleted, 1 unchanged");
		this.grantex.server().clearRequests();

		assertThat(run()).isEqualTo(SyncCommand.OK);

		assertThat(newOutput()).contains("Plan: nothing to change; Grantex already matches the directory's 5 users.")
			.contains("Summary: nothing to change; 7 users unchanged")
			.doesNotContain("ACTION");
		assertThat(this.grantex.server().requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	@Test
	void deleteRemovesWhoIsNotInTheDirectoryAndDryRunChangesNothing() {
		assertThat(run("--delete", "--dry-run")).isEqualTo(SyncCommand.OK);
		assertThat(newOutput()).contains("delete   frank@example.com  e6")
			.contains("would create 2, replace 2, deactivate 0, delete 2; 1 unchanged. Dry run: nothing was changed");
		assertThat(this.grantex.server().requests()).extracting(RecordedRequest::method).containsOnly("GET");

		assertThat(run("--delete")).isEqualTo(SyncCommand.OK);
		assertThat(this.grantex.users()).extracting(FakeScimUser::userName)
			.containsExactlyInAnyOrder("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com",
					"erin@example.com");
	}

	@Test
	void nothingIsDoneWhenTheFileIsWrongOrGrantexCannotBeRead() throws IOException {
		Files.writeString(this.file, "userName,displayname\nada,Ada\n");
		assertThat(run()).isEqualTo(SyncCommand.NOTHING_DONE);
		assertThat(newOutput()).contains("line 1: unknown column 'displayname'");

		Files.writeString(this.file, DIRECTORY);
		this.grantex.server()
			.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.status(401, "application/json",
					"{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid SCIM token\"}"));
		assertThat(run()).isEqualTo(SyncCommand.NOTHING_DONE);
		assertThat(newOutput()).contains("Could not read the users from Grantex; nothing was changed");
		assertThat(this.grantex.server().requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	@Test
	@DisabledIfEnvironmentVariable(named = "GRANTEX_BASE_URL", matches = ".+",
			disabledReason = "a Grantex is configured: the embedded default is not used")
	void withNoGrantexConfiguredItSyncsTheShippedDirectoryIntoAnEmbeddedFakeTwice() {
		String[] args = { "--runs=2" };
		ConfigurableApplicationContext context = DirectorySyncApplication.application(args).run(args);
		EmbeddedGrantex grantex = context.getBean(GrantexConnection.class).embedded();
		assertThat(grantex).isNotNull();
		FakeGrantexServer embedded = grantex.account().server();
		int status = SpringApplication.exit(context);

		assertThat(status).isEqualTo(SyncCommand.OK);
		assertThat(embedded).isNotSameAs(this.grantex.server());
		assertThat(embedded.toString()).as("stopped with the application").endsWith(", closed]");
		assertThat(newOutput()).contains("started the fake Grantex in this process at " + embedded.baseUrl())
			.contains("Directory: classpath:directory.csv, 8 users.")
			.contains("== Run 1 of 2 ==")
			.contains("Plan: 4 to create, 2 to replace, 1 to deactivate, 0 to delete; 3 unchanged.")
			.contains("Summary: 4 created, 2 replaced, 1 deactivated, 0 deleted, 3 unchanged, 0 failed")
			.contains("== Run 2 of 2 ==")
			.contains("Plan: nothing to change");
		assertThat(embedded.requests()).filteredOn((request) -> request.rawPath().equals("/v1/scim/tokens"))
			.extracting(RecordedRequest::method)
			.as("the token was created through the API")
			.containsExactly("POST");
	}

	@Test
	void theShippedSampleDirectoryIsOnlyPlannedAgainstAGrantexOtherThanTheEmbeddedOne() {
		List<String> args = new ArrayList<>();
		this.grantex.springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
		String[] commandLine = args.toArray(String[]::new);

		int status = SpringApplication.exit(DirectorySyncApplication.application(commandLine).run(commandLine));

		assertThat(status).isEqualTo(SyncCommand.OK);
		assertThat(newOutput()).contains("against this one it is a dry run")
			.contains("Plan: 8 to create, 0 to replace, 5 to deactivate")
			.contains("Dry run: nothing was changed");
		assertThat(this.grantex.server().requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	private int run(String... options) {
		List<String> args = new ArrayList<>(List.of("--file=" + this.file, "--grantex.retry.initial-delay=1ms"));
		this.grantex.springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
		args.addAll(List.of(options));
		String[] commandLine = args.toArray(String[]::new);
		return SpringApplication.exit(DirectorySyncApplication.application(commandLine).run(commandLine));
	}

	private String newOutput() {
		String all = this.output.getAll();
		String fresh = all.substring(this.outputSeen);
		this.outputSeen = all.length();
		return fresh;
	}

	private String id(String userName) {
		return stored(userName).id();
	}

	private FakeScimUser stored(String userName) {
		return this.grantex.users()
			.stream()
			.filter((user) -> user.userName().equals(userName))
			.findFirst()
			.orElseThrow();
	}

}
