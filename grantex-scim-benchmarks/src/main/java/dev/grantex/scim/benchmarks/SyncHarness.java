package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.FakeGrantexServer;

/**
 * Directory sync at scale (#17): the sample's {@code DirectorySync} on the bean of a Boot
 * application ({@link SyncApp}, each instance in a JVM of its own with {@code -Xmx256m})
 * against {@link FakeGrantexServer} in this JVM, with Grantex's per-IP limit of
 * {@value #LIMIT} requests a window, the window shortened from a minute (by default to 10
 * s: the real limit's shape at six times its rate) so that the run takes minutes, not
 * hours. Every client is on {@code 127.0.0.1}: one IP, one budget. Four phases, each
 * starting with a fresh window:
 * <ol>
 * <li><em>first</em>: {@code users} users from a generated directory into an empty
 * tenant;</li>
 * <li><em>unchanged</em>: the same directory again, which finds nothing to change;</li>
 * <li><em>two at once</em>: two instances, each syncing half as many users into an empty
 * tenant of its own, at the same time, sharing the IP's budget; default settings;</li>
 * <li><em>two at once, reserve 0.5</em>: the same with a tenth as many users each and
 * {@code grantex.rate-limit.reserve=0.5}: not a target, but what a reserve costs, which
 * instances that all pace do not need (see the README).</li>
 * </ol>
 */
final class SyncHarness {

	/** Grantex's per-IP limit, requests a window. */
	static final int LIMIT = 5000;

	private SyncHarness() {
	}

	/**
	 * Runs the four phases.
	 * @param users the directory's size in the first two phases
	 * @param window the rate limit's window
	 * @param logs where the children's output goes
	 * @return the figures of each phase
	 */
	static Result run(int users, Duration window, Path logs) throws IOException, InterruptedException {
		String classPath = ClassPaths.of(List.of(ClassPaths.BOOT, ClassPaths.STARTER, ClassPaths.SAMPLE));
		Files.createDirectories(logs);
		List<Phase> phases = new ArrayList<>();
		try (FakeGrantexServer fake = FakeGrantexServer.start()) {
			fake.recordRequests(0);
			Tenant first = Tenant.create(fake, "first");
			phases.add(phase(fake, window, "first sync into an empty tenant", classPath, logs,
					List.of(new Instance(first, users, "first", Map.of()))));
			phases.add(phase(fake, window, "unchanged re-sync", classPath, logs,
					List.of(new Instance(first, users, "unchanged", Map.of()))));
			phases.add(phase(fake, window, "two syncs at once, default settings", classPath, logs,
					List.of(new Instance(Tenant.create(fake, "a"), users / 2, "two-a", Map.of()),
							new Instance(Tenant.create(fake, "b"), users / 2, "two-b", Map.of()))));
			Map<String, String> reserve = Map.of("grantex.rate-limit.reserve", "0.5");
			phases.add(phase(fake, window, "two syncs at once, grantex.rate-limit.reserve=0.5", classPath, logs,
					List.of(new Instance(Tenant.create(fake, "c"), users / 10, "reserve-a", reserve),
							new Instance(Tenant.create(fake, "d"), users / 10, "reserve-b", reserve))));
		}
		return new Result(users, window, phases);
	}

	private static Phase phase(FakeGrantexServer fake, Duration window, String name, String classPath, Path logs,
			List<Instance> instances) throws IOException, InterruptedException {
		System.out.println("Sync: " + name + " (" + instances.size() + " x " + instances.get(0).users() + " users)");
		// a fresh window for every address, and a fresh count
		fake.ipRateLimit(LIMIT, window);
		fake.clearRequests();
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (Instance instance : instances) {
			Path output = logs.resolve(instance.label() + ".out");
			List<String> command = new ArrayList<>(
					List.of(java(), "-Xmx256m", "-cp", classPath, SyncApp.class.getName(), fake.baseUrl().toString(),
							instance.tenant().scimToken(), instance.tenant().apiKey(),
							Integer.toString(instance.users()), instance.label(), Long.toString(window.toMillis())));
			instance.properties().forEach((key, value) -> command.add(key + "=" + value));
			processes.add(new ProcessBuilder(command).redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start());
			outputs.add(output);
		}
		// at the limit, a user takes LIMIT/window of a second; three times that, and two
		// minutes to start
		long allowedSeconds = 120
				+ 3L * instances.stream().mapToInt(Instance::users).sum() * window.toSeconds() / LIMIT;
		List<Sync> syncs = new ArrayList<>();
		String failure = null;
		for (int i = 0; i < processes.size() && failure == null; i++) {
			Process process = processes.get(i);
			if (!process.waitFor(allowedSeconds, TimeUnit.SECONDS)) {
				failure = "a sync took more than " + allowedSeconds + " s";
				break;
			}
			String output = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
			String line = output.lines().filter((each) -> each.startsWith(SyncApp.MARKER)).findFirst().orElse(null);
			if (line == null) {
				List<String> lines = output.lines().toList();
				failure = "a sync failed (exit " + process.exitValue() + "): "
						+ String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
				System.err.println(output);
			}
			else {
				syncs.add(Sync.parse(line));
			}
		}
		for (Process process : processes) {
			process.destroyForcibly().waitFor();
		}
		int stored = 0;
		for (Instance instance : instances) {
			stored += fake.users(instance.tenant().apiKey()).size();
		}
		Phase phase = new Phase(name, syncs, fake.requestCount(), stored, (double) LIMIT / window.toMillis() * 1000,
				failure);
		System.out.println("  " + ((failure != null) ? "FAILED: " + failure : phase.summary()));
		return phase;
	}

	private static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A developer's tenant in the fake. */
	private record Tenant(String apiKey, String scimToken) {

		static Tenant create(FakeGrantexServer fake, String label) {
			String apiKey = fake.createDeveloper();
			return new Tenant(apiKey, fake.createScimToken(apiKey, "sync-" + label));
		}

	}

	/** One application instance to run in a phase. */
	private record Instance(Tenant tenant, int users, String label, Map<String, String> properties) {
	}

	/**
	 * What one instance reported.
	 *
	 * @param label its name
	 * @param users its directory's size
	 * @param startMillis when its sync started, epoch milliseconds
	 * @param endMillis when it ended
	 * @param readMillis how long reading the users took
	 * @param changed the changes made
	 * @param unchanged the users found unchanged
	 * @param planned the changes planned
	 * @param failed the changes that failed
	 * @param rateLimitFailures those that failed for the rate limit
	 * @param notMade the changes not made
	 * @param requests the requests it sent, attempts of retries included
	 * @param tooMany the 429s it met
	 * @param steadyRate its requests a second over the whole rate-limit windows after the
	 * first, 0 if it did not last three
	 * @param heapAfterGcMax the most heap in use after a collection, bytes
	 * @param maxHeap the heap's limit, bytes
	 */
	record Sync(String label, int users, long startMillis, long endMillis, long readMillis, long changed,
			long unchanged, long planned, long failed, long rateLimitFailures, long notMade, long requests,
			long tooMany, double steadyRate, long heapAfterGcMax, long maxHeap) {

		static Sync parse(String line) {
			Map<String, String> values = new HashMap<>();
			for (String part : line.substring(SyncApp.MARKER.length()).trim().split(" ")) {
				String[] pair = part.split("=", 2);
				values.put(pair[0], pair[1]);
			}
			return new Sync(text(values, "label"), (int) number(values, "users"), number(values, "startMillis"),
					number(values, "endMillis"), number(values, "readMillis"),
					number(values, "created") + number(values, "replaced") + number(values, "deactivated"),
					number(values, "unchanged"), number(values, "planned"), number(values, "failed"),
					number(values, "rateLimitFailures"), number(values, "notMade"), number(values, "requests"),
					number(values, "tooMany"), Double.parseDouble(text(values, "steadyRate")),
					number(values, "heapAfterGcMax"), number(values, "maxHeap"));
		}

		private static long number(Map<String, String> values, String name) {
			return Long.parseLong(text(values, name));
		}

		private static String text(Map<String, String> values, String name) {
			String value = values.get(name);
			if (value == null) {
				throw new IllegalStateException("No " + name + " in the sync's result");
			}
			return value;
		}

		double seconds() {
			return (this.endMillis - this.startMillis) / 1000.0;
		}

		double rate() {
			return this.requests / seconds();
		}

	}

	/**
	 * One phase.
	 *
	 * @param name what it did
	 * @param syncs each instance's figures
	 * @param serverRequests the requests the fake server received
	 * @param stored the users the tenants hold afterwards
	 * @param limitRate the limit, requests a second
	 * @param failure why an instance failed (an out-of-memory error, a crash, a sync that
	 * took too long), or {@code null}
	 */
	record Phase(String name, List<Sync> syncs, long serverRequests, long stored, double limitRate,
			@Nullable String failure) {

		long startMillis() {
			return this.syncs.stream().mapToLong(Sync::startMillis).min().orElse(0);
		}

		long endMillis() {
			return this.syncs.stream().mapToLong(Sync::endMillis).max().orElse(0);
		}

		double seconds() {
			return (endMillis() - startMillis()) / 1000.0;
		}

		/** The requests a second of all instances together, over the phase. */
		double rate() {
			return (seconds() > 0) ? this.serverRequests / seconds() : 0;
		}

		/**
		 * The same once warm: each instance's over whole windows after the first, added
		 * up; 0 if one did not last three windows.
		 */
		double steadyRate() {
			boolean all = this.syncs.stream().allMatch((sync) -> sync.steadyRate() > 0);
			return all ? this.syncs.stream().mapToDouble(Sync::steadyRate).sum() : 0;
		}

		long tooMany() {
			return this.syncs.stream().mapToLong(Sync::tooMany).sum();
		}

		long rateLimitFailures() {
			return this.syncs.stream().mapToLong(Sync::rateLimitFailures).sum();
		}

		long failed() {
			return this.syncs.stream().mapToLong(Sync::failed).sum();
		}

		long changed() {
			return this.syncs.stream().mapToLong(Sync::changed).sum();
		}

		long heapAfterGcMax() {
			return this.syncs.stream().mapToLong(Sync::heapAfterGcMax).max().orElse(0);
		}

		String summary() {
			return String.format(Locale.ROOT,
					"%.1f s, %d requests (%.0f/s, %.0f%% of the limit; %.0f%% once warm), %d changes, %d 429s, "
							+ "%d failed, heap after GC at most %.0f MB",
					seconds(), this.serverRequests, rate(), 100 * rate() / this.limitRate,
					100 * steadyRate() / this.limitRate, changed(), tooMany(), failed(), heapAfterGcMax() / 1e6);
		}

	}

	/**
	 * The figures of a run.
	 *
	 * @param users the directory's size in the first two phases
	 * @param window the rate limit's window
	 * @param phases each phase
	 */
	record Result(int users, Duration window, List<Phase> phases) {
	}

}
