package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what the starter adds to the start of an application context:
 * {@link StartupApp} is started many times, each in a fresh JVM, alternately with two
 * class paths (see {@link ClassPaths}): <em>with</em>, Spring Boot's
 * {@code spring-boot-starter} and {@code grantex-scim-spring-boot-starter} with what they
 * bring (Apache HttpClient 5 among it); <em>without</em>, {@code spring-boot-starter}
 * alone, an application with no HTTP client at all: no Grantex jar, no
 * {@code spring-web}, no {@code httpclient5}; and the <em>with</em> class path once more
 * with {@code grantex.enabled=false}, which tells what the jars cost by themselves
 * (Spring Boot's HTTP client and message converter auto-configurations, which they bring)
 * from what the Grantex auto-configuration and client cost. Each child reports the HTTP
 * clients it can see, and the harness checks them. The first two starts of each kind warm
 * the file cache and are dropped; the medians of the rest are compared. Then
 * {@value #WARM_STARTS} starts in one JVM with the <em>with</em> class path, alternating
 * {@code grantex.enabled}, the first {@value #WARM_DISCARDED} dropped.
 */
final class StartupHarness {

	private static final int WARM_STARTS = 200;

	private static final int WARM_DISCARDED = 40;

	private static final int DISCARDED = 2;

	private static final String WITH_SEES = "grantex,httpclient5,spring-web";

	private static final String WITHOUT_SEES = "";

	private StartupHarness() {
	}

	/**
	 * Runs every start.
	 * @param starts the measured cold starts of each kind
	 * @return the figures
	 */
	static Result run(int starts) throws IOException, InterruptedException {
		String with = ClassPaths.of(List.of(ClassPaths.BOOT, ClassPaths.STARTER));
		String without = ClassPaths.of(List.of(ClassPaths.BOOT));
		Sample withStarter = new Sample("cold, with the starter", with, WITH_SEES);
		Sample withoutStarter = new Sample("cold, without the Grantex jars and httpclient5", without, WITHOUT_SEES);
		Sample withStarterDisabled = new Sample("cold, with the starter, grantex.enabled=false", with, WITH_SEES,
				"-Dgrantex.enabled=false");
		List<Sample> samples = List.of(withStarter, withoutStarter, withStarterDisabled);
		for (int i = 0; i < starts + DISCARDED; i++) {
			boolean keep = i >= DISCARDED;
			// rotating which goes first, so that none always follows another
			for (int j = 0; j < samples.size(); j++) {
				samples.get((i + j) % samples.size()).start(keep);
			}
		}
		Sample warmWith = new Sample("warm, grantex.enabled=true", with, WITH_SEES);
		Sample warmWithout = new Sample("warm, grantex.enabled=false", with, WITH_SEES);
		warm(with, warmWith, warmWithout);
		Result result = new Result(withStarter.result(), withoutStarter.result(), withStarterDisabled.result(),
				warmWith.result(), warmWithout.result(), ClassPaths.artifacts(with), ClassPaths.artifacts(without));
		if (!result.with().scimClient() || result.without().scimClient() || result.withDisabled().scimClient()
				|| !result.warmWith().scimClient() || result.warmWithout().scimClient()) {
			throw new IllegalStateException("Expected a ScimClient with the starter only: " + result);
		}
		return result;
	}

	private static void warm(String classPath, Sample with, Sample without) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(java(), "-cp", classPath, StartupApp.class.getName(), "warm",
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

	private static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The figures of one kind of start.
	 *
	 * @param name what was started
	 * @param contextMillis each start's {@code SpringApplication.run} (and getting the
	 * client), wall clock
	 * @param cpuMillis the same, CPU time of the starting thread
	 * @param clientMillis of the start, getting the {@code ScimClient} bean (creating
	 * it), wall clock
	 * @param processMillis each cold start's whole JVM, from launch to exit
	 * @param classes each start's classes loaded
	 * @param beans the bean definitions
	 * @param scimClient whether there was a {@code ScimClient}
	 * @param present the HTTP clients on the class path
	 */
	record Starts(String name, List<Double> contextMillis, List<Double> cpuMillis, List<Double> clientMillis,
			List<Double> processMillis, List<Double> classes, int beans, boolean scimClient, String present) {

		double medianContextMillis() {
			return Report.median(this.contextMillis);
		}

		double medianCpuMillis() {
			return Report.median(this.cpuMillis);
		}

		double medianClientMillis() {
			return Report.median(this.clientMillis);
		}

		double medianProcessMillis() {
			return Report.median(this.processMillis);
		}

		double medianClasses() {
			return Report.median(this.classes);
		}

	}

	/**
	 * The figures: starts in fresh JVMs with and without the starter, and starts in one
	 * warm JVM with the auto-configuration on and off, and the two class paths.
	 *
	 * @param with cold, with the starter
	 * @param without cold, without
	 * @param withDisabled cold, with the starter and {@code grantex.enabled=false}
	 * @param warmWith warm, on
	 * @param warmWithout warm, off
	 * @param withArtifacts the class path with the starter
	 * @param withoutArtifacts the class path without
	 */
	record Result(Starts with, Starts without, Starts withDisabled, Starts warmWith, Starts warmWithout,
			List<String> withArtifacts, List<String> withoutArtifacts) {
	}

	/** One kind of start, and the figures gathered. */
	private static final class Sample {

		private final String name;

		private final String classPath;

		private final String sees;

		private final List<String> jvmArguments;

		private final List<Double> contextMillis = new ArrayList<>();

		private final List<Double> cpuMillis = new ArrayList<>();

		private final List<Double> clientMillis = new ArrayList<>();

		private final List<Double> processMillis = new ArrayList<>();

		private final List<Double> classes = new ArrayList<>();

		private int beans;

		private boolean scimClient;

		private String present = "";

		Sample(String name, String classPath, String sees, String... jvmArguments) {
			this.name = name;
			this.classPath = classPath;
			this.sees = sees;
			this.jvmArguments = List.of(jvmArguments);
		}

		void start(boolean keep) throws IOException, InterruptedException {
			long begin = System.nanoTime();
			List<String> command = new ArrayList<>();
			command.add(java());
			command.addAll(this.jvmArguments);
			command.addAll(List.of("-cp", this.classPath, StartupApp.class.getName()));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
					case "clientNanos" -> this.clientMillis.add(Long.parseLong(pair[1]) / 1e6);
					case "classes" -> this.classes.add(Double.parseDouble(pair[1]));
					case "beans" -> this.beans = Integer.parseInt(pair[1]);
					case "scimClient" -> this.scimClient = Boolean.parseBoolean(pair[1]);
					case "present" -> this.present = (pair.length > 1) ? pair[1] : "";
					default -> {
					}
				}
			}
			if (!this.present.equals(this.sees)) {
				throw new IllegalStateException("A start " + this.name + " saw the HTTP clients [" + this.present
						+ "], not [" + this.sees + "]: the class path is not the one intended");
			}
			if (processMillis >= 0) {
				this.processMillis.add(processMillis);
			}
		}

		Starts result() {
			return new Starts(this.name, List.copyOf(this.contextMillis), List.copyOf(this.cpuMillis),
					List.copyOf(this.clientMillis), List.copyOf(this.processMillis), List.copyOf(this.classes),
					this.beans, this.scimClient, this.present);
		}

	}

}
