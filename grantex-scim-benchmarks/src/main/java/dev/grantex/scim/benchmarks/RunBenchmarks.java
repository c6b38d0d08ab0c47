package dev.grantex.scim.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.grantex.scim.benchmarks.StartupHarness.Result;

/**
 * Runs every benchmark with JMH's allocation profiler ({@code -prof gc}), then the
 * start-up harness, and writes {@code jmh.json}, {@code jmh.txt} and {@code results.md}
 * (the tables of {@code docs/benchmarks.md}) to the output directory, printing the
 * tables.
 *
 * <p>
 * Arguments: the output directory; optionally a regular expression of the benchmarks to
 * run (JMH's include, e.g. {@code OperationBenchmarks.getUser}), or {@code startup} for
 * the start-up harness alone. The system property {@code bench.starts} sets the number of
 * measured cold starts of each kind (default 10).
 */
public final class RunBenchmarks {

	private RunBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Paths.get((args.length > 0) ? args[0] : "target/benchmarks");
		String include = (args.length > 1) ? args[1].trim() : "";
		Files.createDirectories(out);
		Path json = out.resolve("jmh.json");
		boolean startupOnly = include.equals("startup");
		if (!startupOnly) {
			ChainedOptionsBuilder options = new OptionsBuilder()
				.include(include.isEmpty() ? RunBenchmarks.class.getPackageName() + "\\..*Benchmarks\\..*" : include)
				.addProfiler(GCProfiler.class)
				.resultFormat(ResultFormatType.JSON)
				.result(json.toString())
				.output(out.resolve("jmh.txt").toString());
			System.out.println("Running JMH; progress in " + out.resolve("jmh.txt"));
			new Runner(options.build()).run();
		}
		Result startup = null;
		if (include.isEmpty() || startupOnly) {
			int starts = Integer.getInteger("bench.starts", 10);
			System.out.println("Starting the application " + (2 * (starts + 2)) + " times");
			startup = StartupHarness.run(starts);
		}
		String tables = Files.exists(json) && !startupOnly ? Report.render(json, startup)
				: Report.render(writeEmpty(out), startup);
		Files.writeString(out.resolve("results.md"), tables, StandardCharsets.UTF_8);
		System.out.println(tables);
	}

	private static Path writeEmpty(Path out) throws java.io.IOException {
		Path empty = out.resolve("empty.json");
		Files.writeString(empty, "[]");
		return empty;
	}

}
