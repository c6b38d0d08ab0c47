package dev.grantex.scim.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.sample.SyncAction.Kind;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.RecordedRequest;
import dev.grantex.scim.test.junit.GrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory of 10,000 users synced into an empty Grantex with its per-IP rate limit on,
 * scaled down in time to keep the test short: 5,000 requests per 3 seconds instead of per
 * minute, so the sync needs three windows and about 6 seconds at least. With the default
 * concurrency and the client pacing itself, every user arrives once and no request meets
 * a 429.
 */
@GrantexScimFake
class LargeDirectorySyncTests {

	private static final int USERS = 10_000;

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void tenThousandUsersArriveOnceUnderTheRateLimitWithoutMeetingIt(FakeGrantexAccount grantex, @TempDir Path temp)
			throws IOException {
		FakeGrantexServer server = grantex.server();
		server.ipRateLimit(5_000, Duration.ofSeconds(3));
		StringBuilder csv = new StringBuilder("userName,externalId,displayName,email\n");
		for (int i = 0; i < USERS; i++) {
			String userName = String.format(Locale.ROOT, "user%05d@example.com", i);
			csv.append(userName)
				.append(",hr-")
				.append(i)
				.append(",User ")
				.append(i)
				.append(',')
				.append(userName)
				.append('\n');
		}
		Path file = Files.writeString(temp.resolve("hr.csv"), csv, StandardCharsets.UTF_8);
		List<DirectoryUser> directory = DirectoryFile.read(new FileSystemResource(file));
		PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());

		try (ScimClient scim = ScimClient.builder().baseUrl(grantex.baseUrl()).scimToken(grantex.scimToken()).build()) {
			DirectorySync sync = new DirectorySync(scim);
			SyncSettings settings = new SyncSettings(false, false, SyncOptions.DEFAULT_CONCURRENCY,
					ProgressPrinter.Style.LINES);
			long start = System.nanoTime();

			SyncReport report = sync.sync(directory, settings, nowhere);

			Duration took = Duration.ofNanos(System.nanoTime() - start);
			System.out.printf(Locale.ROOT, "Synced %d users in %.1f s: %s%n", USERS, took.toMillis() / 1000.0,
					report.summary());
			assertThat(report.failures()).isEmpty();
			assertThat(report.done(Kind.CREATE)).isEqualTo(USERS);
			assertThat(sync.sync(directory, settings, nowhere).plan().isEmpty()).isTrue();
		}

		assertThat(grantex.users()).extracting(FakeScimUser::userName)
			.hasSize(USERS)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(directory.stream().map(DirectoryUser::userName).toList());
		List<RecordedRequest> requests = server.requests();
		assertThat(requests).filteredOn((request) -> request.method().equals("POST"))
			.as("one request per user")
			.hasSize(USERS);
		assertThat(requests).extracting(RecordedRequest::status).as("no 429 met").doesNotContain(429);
	}

}
