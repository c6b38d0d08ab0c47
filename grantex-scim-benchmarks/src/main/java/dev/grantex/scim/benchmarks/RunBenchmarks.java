package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks with the allocation profiler ({@code -prof gc}), in rounds of
 * one fork each, then the start-up harness, then the sync harness, and writes
 * {@code jmh.json} (every round's results), {@code jmh-round-N.txt} (each round's
 * progress) and {@code results.md} (the tables of {@code docs/benchmarks.md}, with every
 * target checked) to the output directory, printing the tables and the run's duration.
 *
 * <p>
 * Arguments: the output directory; optionally what to run, comma-separated: JMH include
 * patterns (e.g. {@code CannedOperationBenchmarks.getUser}), {@code startup} for the
 * start-up harness, {@code sync} for the sync harness; everything when empty. System
 * properties: {@code bench.jmh}, JMH command-line options that override the benchmarks'
 * own (e.g. {@code -f 1 -wi 1 -i 1 -w 1s -r 1s} for a smoke run); {@code bench.starts},
 * the measured cold starts of each kind (10); {@code bench.sync.users}, the directory's
 * size (100000); {@code bench.sync.window}, the rate-limit window in seconds (10).
 */
public final class RunBenchmarks {

	/** The benchmark classes, whose {@code @Fork} counts set the rounds. */
	private static final List<Class<?>> BENCHMARKS = List.of(CannedOperationBenchmarks.class,
			FakeOperationBenchmarks.class, ConcurrencyBenchmarks.class, StreamBenchmarks.class);

	private RunBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		long begin = System.nanoTime();
		Path out = Paths.get((args.length > 0) ? args[0] : "target/benchmarks");
		Files.createDirectories(out);
		List<String> includes = new ArrayList<>();
		boolean startup = false;
		boolean sync = false;
		String include = (args.length > 1) ? args[1].trim() : "";
		for (String each : include.split(",")) {
			String part = each.trim();
			if (part.equals("startup")) {
				startup = true;
			}
			else if (part.equals("sync")) {
				sync = true;
			}
			else if (!part.isEmpty()) {
				includes.add(part);
			}
		}
		boolean all = include.isEmpty();
		String machine = machine("at the start");
		Path json = null;
		if (all || !includes.isEmpty()) {
			json = out.resolve("jmh.json");
			System.out.println("Running JMH; progress in " + out.resolve("jmh*.txt"));
			List<RunResult> results = runJmh(
					all ? List.of(RunBenchmarks.class.getPackageName() + "\\..*Benchmarks\\..*") : includes, out);
			ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
		}
		StartupHarness.Result startupResult = null;
		if (all || startup) {
			int starts = Integer.getInteger("bench.starts", 10);
			System.out.println("Starting the application " + (2 * (starts + 2)) + " times in fresh JVMs");
			startupResult = StartupHarness.run(starts);
		}
		SyncHarness.Result syncResult = null;
		if (all || sync) {
			int users = Integer.getInteger("bench.sync.users", 100_000);
			Duration window = Duration.ofSeconds(Integer.getInteger("bench.sync.window", 10));
			syncResult = SyncHarness.run(users, window, out.resolve("sync"));
		}
		String tables = Report.render(json, startupResult, syncResult,
				machine + "\n" + machine("at the end") + "\n" + duration(begin));
		Files.writeString(out.resolve("results.md"), tables, StandardCharsets.UTF_8);
		System.out.println(tables);
	}

	/**
	 * Runs the benchmarks in rounds, one fork of each benchmark per round, as many rounds
	 * as a benchmark class declares forks: a benchmark's forks are then spread over the
	 * run instead of following each other, so that a slow spell of the machine falls on
	 * every client alike rather than on whichever ran during it. With {@code -f} in
	 * {@code bench.jmh}, one round with that many forks.
	 */
	private static List<RunResult> runJmh(List<String> includes, Path out) throws RunnerException {
		CommandLineOptions commandLine;
		try {
			commandLine = new CommandLineOptions(jmhArguments());
		}
		catch (CommandLineOptionException ex) {
			throw new IllegalArgumentException("bench.jmh: " + ex.getMessage(), ex);
		}
		boolean forksGiven = commandLine.getForkCount().hasValue();
		int rounds = forksGiven ? 1 : BENCHMARKS.stream().mapToInt(RunBenchmarks::forks).max().orElse(1);
		List<RunResult> results = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine)
				.addProfiler(GCProfiler.class)
				.output(out.resolve((rounds == 1) ? "jmh.txt" : "jmh-round-" + round + ".txt").toString());
			includes.forEach(options::include);
			if (!forksGiven) {
				options.forks(1);
				for (Class<?> benchmark : BENCHMARKS) {
					if (forks(benchmark) < round) {
						options.exclude(benchmark.getName() + "\\.");
					}
				}
			}
			try {
				results.addAll(new Runner(options.build()).run());
			}
			catch (NoBenchmarksException ex) {
				if (round == 1) {
					throw ex;
				}
				// what was asked for has no more forks to run
				break;
			}
		}
		return results;
	}

	private static int forks(Class<?> benchmark) {
		Fork fork = benchmark.getAnnotation(Fork.class);
		return (fork != null && fork.value() > 0) ? fork.value() : 1;
	}

	/** The options of {@code bench.jmh}, split at white space. */
	private static String[] jmhArguments() {
		return Arrays.stream(System.getProperty("bench.jmh", "").trim().split("\\s+"))
			.filter((argument) -> !argument.isEmpty())
			.toArray(String[]::new);
	}

	private static String machine(String when) throws IOException {
		Path loadAverage = Paths.get("/proc/loadavg");
		String load = "unknown";
		if (Files.exists(loadAverage)) {
			String[] fields = Files.readString(loadAverage, StandardCharsets.US_ASCII).trim().split(" ");
			load = fields[0] + " " + fields[1] + " " + fields[2];
		}
		return String.format(Locale.ROOT, "Machine %s (%s): %d processors, %s %s (%s), %s %s; load average %s.", when,
				Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
				System.getProperty("os.name"), System.getProperty("os.version"), load);
	}

	private static String duration(long begin) {
		Duration took = Duration.ofNanos(System.nanoTime() - begin);
		return String.format(Locale.ROOT, "The run took %d min %02d s (JVM uptime %d s).", took.toMinutes(),
				took.toSecondsPart(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
	}

}
