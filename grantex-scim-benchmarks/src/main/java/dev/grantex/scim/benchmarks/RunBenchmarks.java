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

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks with the allocation profiler ({@code -prof gc}), then the
 * start-up harness, then the sync harness, and writes {@code jmh.json}, {@code jmh.txt}
 * and {@code results.md} (the tables of {@code docs/benchmarks.md}, with every target
 * checked) to the output directory, printing the tables and the run's duration.
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
			ChainedOptionsBuilder options = new OptionsBuilder().parent(new CommandLineOptions(jmhArguments()))
				.addProfiler(GCProfiler.class)
				.resultFormat(ResultFormatType.JSON)
				.result(json.toString())
				.output(out.resolve("jmh.txt").toString());
			if (all) {
				options.include(RunBenchmarks.class.getPackageName() + "\\..*Benchmarks\\..*");
			}
			includes.forEach(options::include);
			System.out.println("Running JMH; progress in " + out.resolve("jmh.txt"));
			new Runner(options.build()).run();
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
