package dev.grantex.scim.sample;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

/**
 * Not a test: the measurement behind {@link SyncOptions#DEFAULT_CONCURRENCY}. For each
 * concurrency, syncs a directory of new users into a fresh fake Grantex with a per-IP
 * rate limit, each request answered after a delay that stands for the network and the
 * server, and prints the rate reached. Runs only when asked:
 *
 * <pre>
 * ./mvnw -B -o -pl grantex-scim-sample verify -Dtest=ConcurrencyMeasurement -Dsample.measure=true \
 *     -Dmeasure.users=500 -Dmeasure.limit=5000 -Dmeasure.window=60s -Dmeasure.latency=100ms \
 *     -Dmeasure.concurrency=1,2,4,8,16,32
 * </pre>
 *
 * The results are in {@code target/surefire-reports/*ConcurrencyMeasurement-output.txt}.
 */
@EnabledIfSystemProperty(named = "sample.measure", matches = "true")
class ConcurrencyMeasurement {

	@Test
	void measure() {
		int users = Integer.getInteger("measure.users", 500);
		int limit = Integer.getInteger("measure.limit", 5000);
		Duration window = duration(System.getProperty("measure.window", "60s"));
		Duration latency = duration(System.getProperty("measure.latency", "100ms"));
		int[] concurrencies = Arrays.stream(System.getProperty("measure.concurrency", "1,2,4,8,16,32").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		System.out.printf(Locale.ROOT, "%d users; rate limit %d per %s (%.0f requests/s); every answer %s late%n",
				users, limit, window, limit * 1000.0 / window.toMillis(), latency);
		System.out.println("concurrency  seconds  changes/s  of the limit  429s");
		for (int concurrency : concurrencies) {
			try (FakeGrantexServer server = FakeGrantexServer.start()) {
				String apiKey = server.createDeveloper();
				String token = server.createScimToken(apiKey, "measure");
				server.ipRateLimit(limit, window);
				if (latency.toNanos() > 0) {
					List<Fault> delays = new ArrayList<>();
					for (int i = 0; i < users + 10; i++) {
						delays.add(Fault.delayThenProcess(latency));
					}
					server.faults().enqueue(FaultTarget.any(), delays.toArray(Fault[]::new));
				}
				List<DirectoryUser> directory = new ArrayList<>();
				for (int i = 0; i < users; i++) {
					directory.add(new DirectoryUser("user" + i + "@example.com", "hr-" + i, "User " + i, null, true));
				}
				try (ScimClient scim = ScimClient.builder().baseUrl(server.baseUrl()).scimToken(token).build()) {
					SyncReport report = new DirectorySync(scim).sync(directory,
							new SyncSettings(false, false, concurrency, ProgressPrinter.Style.LINES),
							new PrintStream(OutputStream.nullOutputStream()));
					long refused = server.requests().stream().filter((request) -> request.status() == 429).count();
					double share = report.rate() / (limit * 1000.0 / window.toMillis());
					System.out.printf(Locale.ROOT, "%11d  %7.1f  %9.1f  %11.0f%%  %4d%s%n", concurrency,
							report.applying().toMillis() / 1000.0, report.rate(), share * 100, refused,
							report.failed() ? "  (" + report.failures().size() + " failed)" : "");
				}
			}
		}
	}

	private static Duration duration(String text) {
		if (text.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
		}
		return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
	}

}
