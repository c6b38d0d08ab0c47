package dev.grantex.scim.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measures what the starter adds to the start of an application context:
 * {@link StartupApp} is started many times, each in a fresh JVM, alternately with the
 * class path of this module (the starter, its Grantex jars and Boot's {@code RestClient}
 * support) and the same class path without the Grantex jars (core, auto-configuration,
 * starter), which is an application with Boot's {@code RestClient} support and no Grantex
 * (Apache HttpClient, which the operation benchmarks use, is left off both, so that Boot
 * picks its default, the JDK client); then both again with an application that builds a
 * {@code RestClient} of its own (see {@link StartupApp#APPLICATION_CLIENT}). The first
 * two starts of each kind warm the file cache and are dropped; the medians of the rest
 * are compared.
 */
final class StartupHarness {

	/** The figures of one kind of start. */
	record Starts(String name, List<Double> contextMillis, List<Double> cpuMillis, List<Double> processMillis,
			int beans, boolean scimClient) {

		double medianContextMillis() {
			return Report.median(this.contextMillis);
		}

		double medianCpuMillis() {
			return Report.median(this.cpuMillis);
		}

		double medianProcessMillis() {
			return Report.median(this.processMillis);
		}

	}

	/**
	 * The figures: starts in fresh JVMs with and without the Grantex jars, and starts in
	 * one warm JVM with the auto-configuration on and off.
	 */
	record Result(Starts with, Starts without, Starts withAppClient, Starts withoutAppClient, Starts warmWith,
			Starts warmWithout) {
	}

	private static final int WARM_STARTS = 200;

	private static final int WARM_DISCARDED = 40;

	private static final int DISCARDED = 2;

	private StartupHarness() {
	}

	static Result run(int starts) throws IOException, InterruptedException {
		// Apache HttpClient is here for the operation benchmarks; left on, Boot would
		// pick it over its default, the JDK
		// client, which an application gets unless it adds httpclient5
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !isApacheHttpClient(entry))
			.collect(Collectors.joining(File.pathSeparator));
		String withoutGrantex = Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !isGrantexClient(entry))
			.collect(Collectors.joining(File.pathSeparator));
		if (withoutGrantex.equals(classPath)) {
			throw new IllegalStateException("No Grantex jar on the class path to leave out: " + classPath);
		}
		Sample with = new Sample("with the starter", classPath, false);
		Sample without = new Sample("without", withoutGrantex, false);
		alternate(starts, with, without);
		Sample withAppClient = new Sample("with the starter and a RestClient of the application's", classPath, true);
		Sample withoutAppClient = new Sample("with a RestClient of the application's", withoutGrantex, true);
		alternate(starts, withAppClient, withoutAppClient);
		Sample warmWith = new Sample("warm JVM, grantex.enabled=true", classPath, false);
		Sample warmWithout = new Sample("warm JVM, grantex.enabled=false", classPath, false);
		warm(classPath, warmWith, warmWithout);
		Result result = new Result(with.result(), without.result(), withAppClient.result(), withoutAppClient.result(),
				warmWith.result(), warmWithout.result());
		if (!result.with().scimClient() || result.without().scimClient() || !result.withAppClient().scimClient()
				|| result.withoutAppClient().scimClient() || !result.warmWith().scimClient()
				|| result.warmWithout().scimClient()) {
			throw new IllegalStateException("Expected a ScimClient with the starter only: " + result);
		}
		return result;
	}

	/**
	 * Starts each kind in a fresh JVM, alternating which goes first so that neither
	 * always follows the other.
	 */
	private static void alternate(int starts, Sample one, Sample other) throws IOException, InterruptedException {
		for (int i = 0; i < starts + DISCARDED; i++) {
			boolean keep = i >= DISCARDED;
			if (i % 2 == 0) {
				one.start(keep);
				other.start(keep);
			}
			else {
				other.start(keep);
				one.start(keep);
			}
		}
	}

	/**
	 * {@value #WARM_STARTS} starts in one JVM, alternating; the first
	 * {@value #WARM_DISCARDED} warm it up.
	 */
	private static void warm(String classPath, Sample with, Sample without) throws IOException, InterruptedException {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", classPath, StartupApp.class.getName(), "warm",
				Integer.toString(WARM_STARTS))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		List<String> lines = output.lines().filter((each) -> each.startsWith(StartupApp.MARKER)).toList();
		if (exit != 0 || lines.size() != WARM_STARTS) {
			throw new IllegalStateException("The warm starts failed (exit " + exit + "):\n" + output);
		}
		for (int i = WARM_DISCARDED; i < lines.size(); i++) {
			String line = lines.get(i);
			(line.contains("scimClient=true") ? with : without).record(line, -1);
		}
	}

	private static boolean isApacheHttpClient(String entry) {
		String normalised = entry.replace('\\', '/');
		return normalised.contains("/httpclient5-") || normalised.contains("/httpcore5-");
	}

	private static boolean isGrantexClient(String entry) {
		String normalised = entry.replace('\\', '/');
		return normalised.contains("grantex-scim-core") || normalised.contains("grantex-scim-autoconfigure")
				|| normalised.contains("grantex-scim-spring-boot-starter");
	}

	private static final class Sample {

		private final String name;

		private final String classPath;

		private final boolean applicationClient;

		private final List<Double> contextMillis = new ArrayList<>();

		private final List<Double> cpuMillis = new ArrayList<>();

		private final List<Double> processMillis = new ArrayList<>();

		private int beans;

		private boolean scimClient;

		Sample(String name, String classPath, boolean applicationClient) {
			this.name = name;
			this.classPath = classPath;
			this.applicationClient = applicationClient;
		}

		void start(boolean keep) throws IOException, InterruptedException {
			Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
			long begin = System.nanoTime();
			Process process = new ProcessBuilder(java.toString(),
					"-D" + StartupApp.APPLICATION_CLIENT + "=" + this.applicationClient, "-cp", this.classPath,
					StartupApp.class.getName())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			double processMillis = (System.nanoTime() - begin) / 1e6;
			String line = output.lines()
				.filter((each) -> each.startsWith(StartupApp.MARKER))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"A start " + this.name + " failed (exit " + exit + "):\n" + output));
			if (keep) {
				record(line, processMillis);
			}
		}

		void record(String line, double processMillis) {
			for (String part : line.substring(StartupApp.MARKER.length()).trim().split(" ")) {
				String[] pair = part.split("=", 2);
				switch (pair[0]) {
					case "nanos" -> this.contextMillis.add(Long.parseLong(pair[1]) / 1e6);
					case "cpu" -> this.cpuMillis.add(Long.parseLong(pair[1]) / 1e6);
					case "beans" -> this.beans = Integer.parseInt(pair[1]);
					case "scimClient" -> this.scimClient = Boolean.parseBoolean(pair[1]);
					default -> {
					}
				}
			}
			if (processMillis >= 0) {
				this.processMillis.add(processMillis);
			}
		}

		Starts result() {
			return new Starts(this.name, List.copyOf(this.contextMillis), List.copyOf(this.cpuMillis),
					List.copyOf(this.processMillis), this.beans, this.scimClient);
		}

	}

}
