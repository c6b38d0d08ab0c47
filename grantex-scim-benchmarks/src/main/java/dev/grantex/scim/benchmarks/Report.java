package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON result, the start-up figures and the sync figures into the Markdown
 * tables of {@code docs/benchmarks.md}: medians over all measured iterations, ratios to
 * the {@code raw} and {@code restclient-apache} floors from the same run, and each target
 * of issues #12 and #17 met or missed.
 */
final class Report {

	static final List<String> OPERATIONS = List.of("getUser", "listUsers", "createUser", "updateUser");

	/** The clients, the bean first. */
	static final List<String> CLIENTS = List.of("bean", "builder", "bean-jdk", "restclient-apache", "raw", "unboundid");

	static final List<Integer> THREADS = List.of(1, 16, 64);

	private static final String RAW = "raw";

	private static final String APACHE = "restclient-apache";

	private static final String BEAN = "bean";

	private final Map<String, Figure> figures = new LinkedHashMap<>();

	private final StringBuilder out = new StringBuilder();

	private final List<String> targets = new ArrayList<>();

	private Report(JsonNode results) {
		// a benchmark run in several rounds has one result per round: its iterations are
		// pooled, so that its median is over all of its forks
		Map<String, Pooled> pooled = new LinkedHashMap<>();
		for (JsonNode result : results) {
			String benchmark = result.path("benchmark").asString();
			String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			String kind = benchmark.contains("StreamBenchmarks") ? "stream"
					: benchmark.contains("ConcurrencyBenchmarks") ? "concurrency"
							: benchmark.contains("FakeOperationBenchmarks") ? "fake" : "canned";
			String client = result.path("params").path("client").asString(method);
			JsonNode primary = result.path("primaryMetric");
			Pooled pool = pooled.computeIfAbsent(key(kind, method, client),
					(key) -> new Pooled(primary.path("scoreUnit").asString(), new ArrayList<>(), new ArrayList<>()));
			pool.times().addAll(iterations(primary));
			for (Map.Entry<String, JsonNode> secondary : result.path("secondaryMetrics").properties()) {
				if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
					pool.allocations().addAll(iterations(secondary.getValue()));
				}
			}
		}
		pooled.forEach((key, pool) -> this.figures.put(key,
				new Figure(median(pool.times()), pool.unit(), median(pool.allocations()))));
	}

	/**
	 * Renders every table there are figures for, and the targets.
	 * @param jmhJson JMH's JSON result, or {@code null} when JMH did not run
	 * @param startup the start-up figures, or {@code null}
	 * @param sync the sync figures, or {@code null}
	 * @param machine a description of the machine and the run
	 * @return the Markdown
	 */
	static String render(@Nullable Path jmhJson, StartupHarness.@Nullable Result startup,
			SyncHarness.@Nullable Result sync, String machine) throws IOException {
		JsonNode results = (jmhJson != null && Files.exists(jmhJson))
				? JsonMapper.builder().build().readTree(Files.readString(jmhJson))
				: JsonMapper.builder().build().createArrayNode();
		Report report = new Report(results);
		report.out.append(machine).append("\n\n");
		report.operations("canned", "Operations against the canned server (prepared bytes: each client's own cost)");
		report.operations("fake", "Operations against `FakeGrantexServer` (end to end, the server's cost included)");
		report.concurrency();
		report.stream();
		report.startup(startup);
		report.sync(sync);
		report.targets();
		return report.out.toString();
	}

	private static String key(String kind, String method, String client) {
		return kind + "/" + method + "/" + client;
	}

	private @Nullable Figure figure(String kind, String method, String client) {
		return this.figures.get(key(kind, method, client));
	}

	private void operations(String server, String title) {
		if (CLIENTS.stream().noneMatch((client) -> figure(server, "getUser", client) != null)) {
			return;
		}
		this.out.append("### ").append(title).append("\n\n");
		this.out.append("| operation | client | time (µs/op) | time × raw | time × restclient-apache "
				+ "| allocation (B/op) | allocation × restclient-apache |\n");
		this.out.append("|---|---|---:|---:|---:|---:|---:|\n");
		for (String operation : OPERATIONS) {
			Figure raw = figure(server, operation, RAW);
			Figure apache = figure(server, operation, APACHE);
			for (String client : CLIENTS) {
				Figure figure = figure(server, operation, client);
				if (figure == null) {
					continue;
				}
				boolean bean = client.equals(BEAN);
				row(bean ? "**`" + operation + "`**" : "`" + operation + "`", bean ? "**bean**" : client,
						number(figure.time()), ratio(figure.time(), raw, Figure::time),
						ratio(figure.time(), apache, Figure::time), number(figure.allocation()),
						ratio(figure.allocation(), apache, Figure::allocation));
			}
		}
		this.out.append('\n');
	}

	private static String throughput(@Nullable Figure figure) {
		return (figure != null) ? number(figure.time()) : "";
	}

	private static String throughputRatio(@Nullable Figure figure, @Nullable Figure to) {
		return (figure != null && to != null) ? ratio(figure.time() / to.time()) : "";
	}

	private void concurrency() {
		if (THREADS.stream()
			.noneMatch((threads) -> figure("concurrency", "bean" + threads, "bean" + threads) != null)) {
			return;
		}
		this.out.append("### Concurrency: `getUser` from many threads, canned server\n\n");
		this.out.append("| threads | bean shared by all (calls/s) | restclient-apache shared by all (calls/s) "
				+ "| Apache HttpClient alone, shared by all (calls/s) | raw, a socket per thread (calls/s) "
				+ "| bean ÷ raw | bean ÷ restclient-apache | restclient-apache ÷ raw | Apache alone ÷ raw |\n");
		this.out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int threads : THREADS) {
			Figure bean = figure("concurrency", "bean" + threads, "bean" + threads);
			Figure apache = figure("concurrency", "restclientApache" + threads, "restclientApache" + threads);
			Figure alone = figure("concurrency", "apache" + threads, "apache" + threads);
			Figure raw = figure("concurrency", "raw" + threads, "raw" + threads);
			row(Integer.toString(threads), throughput(bean), throughput(apache), throughput(alone), throughput(raw),
					throughputRatio(bean, raw), throughputRatio(bean, apache), throughputRatio(apache, raw),
					throughputRatio(alone, raw));
		}
		this.out.append('\n');
	}

	private void stream() {
		if (CLIENTS.stream().noneMatch((client) -> figure("stream", "streamUsers", client) != null)) {
			return;
		}
		Figure raw = figure("stream", "streamUsers", RAW);
		Figure apache = figure("stream", "streamUsers", APACHE);
		this.out.append("### 100,000 users, 1,000 pages of 100, `-Xmx64m`, canned server\n\n");
		this.out.append("| client | time (ms per 100,000 users) | users/s | throughput × restclient-apache pager "
				+ "| throughput × raw pager | allocation (MB/op) |\n");
		this.out.append("|---|---:|---:|---:|---:|---:|\n");
		for (String client : CLIENTS) {
			Figure figure = figure("stream", "streamUsers", client);
			if (figure == null) {
				continue;
			}
			boolean grantex = client.startsWith(BEAN) || client.equals("builder");
			String name = grantex ? "**" + client + "** `streamUsers()`" : client + " (hand-written pager)";
			row(name, number(figure.time()), number(StreamBenchmarks.TOTAL_USERS / (figure.time() / 1000)),
					(apache != null) ? ratio(apache.time() / figure.time()) : "",
					(raw != null) ? ratio(raw.time() / figure.time()) : "", number(figure.allocation() / 1e6));
		}
		this.out.append('\n');
	}

	private void startup(StartupHarness.@Nullable Result startup) {
		if (startup == null) {
			return;
		}
		StartupHarness.Starts with = startup.with();
		StartupHarness.Starts without = startup.without();
		this.out.append("### Application context start\n\n");
		this.out.append("Cold: ")
			.append(with.contextMillis().size())
			.append(" starts of each kind, each in a fresh JVM, alternating. Warm: ")
			.append(startup.warmWith().contextMillis().size())
			.append(" starts of each kind in one JVM after warm-up, alternating `grantex.enabled`. A start is "
					+ "`SpringApplication.run` and getting the `ScimClient` bean, if any.\n\n");
		this.out.append("| application | start, median (ms) | its thread's CPU, median (ms) "
				+ "| of the start, getting the client (ms) | whole JVM, median (ms) | classes loaded "
				+ "| bean definitions |\n");
		this.out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		startRow("cold, `spring-boot-starter` only (no HTTP client)", without);
		startRow("cold, with `grantex-scim-spring-boot-starter`", with);
		difference("**cold: added by the starter**", with, without);
		startRow("cold, with the starter, `grantex.enabled=false`", startup.withDisabled());
		difference("cold: of it, the jars alone (Boot's HTTP client and converter auto-configurations)",
				startup.withDisabled(), without);
		difference("cold: of it, the Grantex auto-configuration and client", with, startup.withDisabled());
		startRow("warm, `grantex.enabled=false`", startup.warmWithout());
		startRow("warm, `grantex.enabled=true`", startup.warmWith());
		difference("**warm: added by the auto-configuration**", startup.warmWith(), startup.warmWithout());
		this.out.append('\n');
		List<String> added = new ArrayList<>(startup.withArtifacts());
		startup.withoutArtifacts().forEach(added::remove);
		this.out.append("Class path without: ")
			.append(String.join(", ", startup.withoutArtifacts()))
			.append(".\nAdded by the starter: ")
			.append(String.join(", ", added))
			.append(".\nHTTP clients each saw: without [")
			.append(without.present())
			.append("], with [")
			.append(with.present())
			.append("].\n\n");
		double cold = with.medianContextMillis() - without.medianContextMillis();
		double warm = startup.warmWith().medianContextMillis() - startup.warmWithout().medianContextMillis();
		this.targets.add(check("#12 the starter adds at most 50 ms to a cold context start", cold, 50, " ms"));
		this.targets.add(String.format(Locale.ROOT,
				"INFO   of the cold start the starter adds, the jars alone (grantex.enabled=false) take %.1f ms and "
						+ "the Grantex auto-configuration and client %.1f ms",
				startup.withDisabled().medianContextMillis() - without.medianContextMillis(),
				with.medianContextMillis() - startup.withDisabled().medianContextMillis()));
		this.targets.add(check("#12 the starter adds at most 10 ms to a warm context start", warm, 10, " ms"));
	}

	private void startRow(String name, StartupHarness.Starts starts) {
		row(name, number(starts.medianContextMillis()), number(starts.medianCpuMillis()),
				number(starts.medianClientMillis()),
				starts.processMillis().isEmpty() ? "" : number(starts.medianProcessMillis()),
				number(starts.medianClasses()), Integer.toString(starts.beans()));
	}

	private void difference(String name, StartupHarness.Starts with, StartupHarness.Starts without) {
		row(name, "**" + number(with.medianContextMillis() - without.medianContextMillis()) + "**",
				"**" + number(with.medianCpuMillis() - without.medianCpuMillis()) + "**",
				number(with.medianClientMillis() - without.medianClientMillis()),
				with.processMillis().isEmpty() ? ""
						: "**" + number(with.medianProcessMillis() - without.medianProcessMillis()) + "**",
				number(with.medianClasses() - without.medianClasses()),
				Integer.toString(with.beans() - without.beans()));
	}

	private void sync(SyncHarness.@Nullable Result sync) {
		if (sync == null) {
			return;
		}
		double limitRate = SyncHarness.LIMIT * 1000.0 / sync.window().toMillis();
		this.out.append("### Directory sync at scale, `FakeGrantexServer` with ")
			.append(String.format(Locale.ROOT, "%,d", SyncHarness.LIMIT))
			.append(" requests per ")
			.append(sync.window().toSeconds())
			.append(" s per IP (")
			.append(number(limitRate))
			.append(" requests/s)\n\n");
		this.out.append("| phase | instances × users | time (s) | requests | changes | 429s met | failed "
				+ "| requests/s | share of the limit | once warm | heap after GC, most (MB) |\n");
		this.out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (SyncHarness.Phase phase : sync.phases()) {
			if (phase.failure() != null) {
				row(phase.name(), "failed: " + phase.failure(), "", "", "", "", "", "", "", "", "");
				continue;
			}
			row(phase.name(),
					phase.syncs().size() + " × " + String.format(Locale.ROOT, "%,d", phase.syncs().get(0).users()),
					number(phase.seconds()), String.format(Locale.ROOT, "%,d", phase.serverRequests()),
					String.format(Locale.ROOT, "%,d", phase.changed()), Long.toString(phase.tooMany()),
					phase.failed() + ((phase.rateLimitFailures() > 0)
							? " (" + phase.rateLimitFailures() + " for the rate limit)" : ""),
					number(phase.rate()), percent(phase.rate() / limitRate),
					(phase.steadyRate() > 0) ? percent(phase.steadyRate() / limitRate) : "n/a",
					number(phase.heapAfterGcMax() / 1e6));
		}
		this.out.append('\n');
		for (SyncHarness.Phase phase : sync.phases()) {
			if (phase.failure() == null && phase.syncs().size() > 1) {
				this.out.append("*").append(phase.name()).append("*: ");
				List<String> each = new ArrayList<>();
				for (SyncHarness.Sync one : phase.syncs()) {
					each.add(String.format(Locale.ROOT,
							"%s %,d requests in %.1f s (%.0f/s, %.0f%% of the limit), " + "%d 429s", one.label(),
							one.requests(), one.seconds(), one.rate(), 100 * one.rate() / limitRate, one.tooMany()));
				}
				this.out.append(String.join("; ", each)).append(".\n\n");
			}
		}
		syncTargets(sync, limitRate);
	}

	private void syncTargets(SyncHarness.Result sync, double limitRate) {
		List<SyncHarness.Phase> phases = sync.phases();
		for (SyncHarness.Phase phase : phases) {
			if (phase.failure() != null) {
				this.targets.add(verdict(false, "#17 " + phase.name() + ": " + phase.failure()
						+ "; the targets of this phase are not checked"));
			}
		}
		SyncHarness.Phase first = phases.get(0);
		if (first.failure() == null) {
			firstTargets(sync, first, limitRate);
		}
		SyncHarness.Phase unchanged = phases.get(1);
		if (unchanged.failure() == null) {
			unchangedTargets(sync, unchanged, limitRate);
		}
		SyncHarness.Phase two = phases.get(2);
		if (two.failure() == null) {
			twoTargets(two, limitRate, true);
		}
		// not a target: what a reserve that instances which all pace do not need costs
		for (SyncHarness.Phase reserved : phases.subList(3, phases.size())) {
			if (reserved.failure() == null) {
				twoTargets(reserved, limitRate, false);
			}
		}
		long heap = phases.stream().mapToLong(SyncHarness.Phase::heapAfterGcMax).max().orElse(0);
		boolean all = phases.stream().allMatch((phase) -> phase.failure() == null);
		this.targets.add(verdict(all, String.format(Locale.ROOT,
				"#17 every sync ran in -Xmx256m (most heap in use after a collection: %.0f MB)", heap / 1e6)));
	}

	private void firstTargets(SyncHarness.Result sync, SyncHarness.Phase first, double limitRate) {
		boolean warmKnown = first.steadyRate() > 0;
		double warm = (warmKnown ? first.steadyRate() : first.rate()) / limitRate;
		this.targets.add(verdict(Math.abs(warm - 1) <= 0.1,
				String.format(Locale.ROOT, "#17 a sync alone runs within 10%% of the limit once warm: %.0f%%%s",
						100 * warm, warmKnown ? "" : " (over the whole sync: it did not last three windows)")));
		this.targets.add(verdict(first.tooMany() == 0, "#17 a sync alone meets no 429: " + first.tooMany()));
		this.targets.add(verdict(first.changed() == sync.users() && first.failed() == 0,
				"#17 the first sync creates every user: " + first.changed() + " of " + sync.users()));
	}

	private void unchangedTargets(SyncHarness.Result sync, SyncHarness.Phase unchanged, double limitRate) {
		long pages = (sync.users() + 199) / 200;
		this.targets.add(verdict(unchanged.changed() == 0 && unchanged.serverRequests() == pages,
				"#17 the unchanged re-sync sends only list requests: " + unchanged.serverRequests() + " requests, "
						+ pages + " pages of 200, " + unchanged.changed() + " changes"));
		double allowed = unchanged.serverRequests() / limitRate;
		double realAllowed = unchanged.serverRequests() * 60.0 / SyncHarness.LIMIT;
		// the run's limit is scaled to shorten the run; the time per page is not, so a
		// re-sync
		// that the budget does not bound is judged by the real limit's budget
		this.targets.add(verdict(unchanged.seconds() <= 1.1 * realAllowed + 0.5, String.format(Locale.ROOT,
				"#17 the unchanged re-sync ends in the time Grantex's budget allows (%.1f s for its requests at "
						+ "the real 5,000 a minute, +10%% and 0.5 s; %.1f s at this run's scaled limit): %.1f s, "
						+ "%.1f ms a page (one page at a time: the server's and the client's time per page, not "
						+ "the budget, set the pace when a page takes longer than %.1f ms)",
				realAllowed, allowed, unchanged.seconds(),
				1000 * unchanged.seconds() / Math.max(1, unchanged.serverRequests()), 1000 / limitRate)));
	}

	private void twoTargets(SyncHarness.Phase two, double limitRate, boolean wholeLimit) {
		double together = two.rate() / limitRate;
		if (wholeLimit) {
			this.targets.add(verdict(Math.abs(together - 1) <= 0.1, String.format(Locale.ROOT,
					"#17 %s: together within 10%% of the limit: %.0f%%", two.name(), 100 * together)));
		}
		else {
			this.targets.add(String.format(Locale.ROOT,
					"INFO   %s: together %.0f%% of the limit (not a target: the reserve leaves its share unused)",
					two.name(), 100 * together));
		}
		double slowest = two.syncs().stream().mapToDouble(SyncHarness.Sync::rate).min().orElse(0) / limitRate;
		this.targets.add(verdict(slowest >= 0.25, String.format(Locale.ROOT,
				"#17 %s: each progresses (the slower at least 25%% of the limit): %.0f%%", two.name(), 100 * slowest)));
		this.targets
			.add(verdict(two.rateLimitFailures() == 0, "#17 " + two.name() + ": no call fails for the rate limit: "
					+ two.rateLimitFailures() + " (429s met and retried: " + two.tooMany() + ")"));
	}

	private void targets() {
		List<@Nullable String> operations = new ArrayList<>();
		for (String operation : List.of("getUser", "createUser", "updateUser")) {
			operations.add(timeTarget(operation, APACHE, 1.2));
			operations.add(timeTarget(operation, RAW, 2.5));
		}
		operations.add(timeTarget("listUsers", APACHE, 1.1));
		Figure apacheGet = figure("canned", "getUser", APACHE);
		Figure beanGet = figure("canned", "getUser", BEAN);
		if (apacheGet != null && beanGet != null) {
			operations.add(check("#12 bean allocation per getUser at most 1.5x restclient-apache's",
					beanGet.allocation() / apacheGet.allocation(), 1.5, "x"));
		}
		List<String> first = new ArrayList<>();
		for (String target : operations) {
			if (target != null) {
				first.add(target);
			}
		}
		this.targets.addAll(0, first);
		for (String kind : List.of("canned", "fake")) {
			for (String operation : OPERATIONS) {
				Figure bean = figure(kind, operation, BEAN);
				Figure unboundid = figure(kind, operation, "unboundid");
				if (bean != null && unboundid != null) {
					double faster = unboundid.time() / bean.time();
					this.targets.add(verdict(faster > 1.0, String.format(Locale.ROOT,
							"#12 bean faster than UnboundID on %s (%s): %.2fx", operation, kind, faster)));
				}
			}
		}
		Figure apacheStream = figure("stream", "streamUsers", APACHE);
		Figure beanStream = figure("stream", "streamUsers", BEAN);
		if (apacheStream != null && beanStream != null) {
			double throughput = apacheStream.time() / beanStream.time();
			this.targets.add(verdict(throughput >= 1.0,
					String.format(Locale.ROOT,
							"#12 bean streamUsers() over 100,000 users in -Xmx64m at least 1.0x the restclient-apache "
									+ "pager's throughput: %.2fx",
							throughput)));
		}
		Figure bean64 = figure("concurrency", "bean64", "bean64");
		Figure raw64 = figure("concurrency", "raw64", "raw64");
		if (bean64 != null && raw64 != null) {
			double share = bean64.time() / raw64.time();
			this.targets.add(verdict(share >= 0.8, String.format(Locale.ROOT,
					"#12 64 threads sharing the bean: at least 0.8x the throughput of 64 raw sockets: %.2fx", share)));
		}
		Figure apache64 = figure("concurrency", "restclientApache64", "restclientApache64");
		if (raw64 != null && apache64 != null) {
			this.targets.add(String.format(Locale.ROOT,
					"INFO   64 threads sharing the restclient-apache floor (not a target): %.2fx the throughput of "
							+ "64 raw sockets%s",
					apache64.time() / raw64.time(), (bean64 != null) ? String.format(Locale.ROOT,
							"; the bean %.2fx its throughput", bean64.time() / apache64.time()) : ""));
		}
		Figure alone64 = figure("concurrency", "apache64", "apache64");
		if (raw64 != null && alone64 != null) {
			this.targets.add(String.format(Locale.ROOT,
					"INFO   64 threads sharing Apache HttpClient 5 alone, the bean's transport without Spring (not a "
							+ "target): %.2fx the throughput of 64 raw sockets",
					alone64.time() / raw64.time()));
		}
		if (this.targets.isEmpty()) {
			return;
		}
		this.out.append("### Targets\n\n");
		for (String target : this.targets) {
			this.out.append("    ").append(target).append('\n');
		}
		this.out.append('\n');
	}

	private @Nullable String timeTarget(String operation, String floor, double limit) {
		Figure floorFigure = figure("canned", operation, floor);
		Figure bean = figure("canned", operation, BEAN);
		if (floorFigure == null || bean == null) {
			return null;
		}
		return check("#12 bean " + operation + " time at most " + limit + "x " + floor + "'s",
				bean.time() / floorFigure.time(), limit, "x");
	}

	private static String check(String what, double value, double limit, String unit) {
		return verdict(value <= limit, String.format(Locale.ROOT, "%s: %.2f%s", what, value, unit));
	}

	private static String verdict(boolean met, String what) {
		return (met ? "MET    " : "MISSED ") + what;
	}

	private void row(String... cells) {
		this.out.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	private static String ratio(double value, @Nullable Figure floor, ToDoubleFunction<Figure> of) {
		if (floor == null || Double.isNaN(value)) {
			return "";
		}
		return ratio(value / of.applyAsDouble(floor));
	}

	private static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2fx", ratio);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.0f%%", 100 * share);
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		if (Math.abs(value) >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** The measured iterations of a JMH metric, of all its forks. */
	private static List<Double> iterations(JsonNode metric) {
		List<Double> values = new ArrayList<>();
		for (JsonNode fork : metric.path("rawData")) {
			for (JsonNode iteration : fork) {
				values.add(iteration.asDouble());
			}
		}
		if (values.isEmpty() && metric.has("score")) {
			values.add(metric.path("score").asDouble());
		}
		return values;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int size = sorted.size();
		if (size == 0) {
			return Double.NaN;
		}
		return (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
	}

	/**
	 * One benchmark's medians.
	 *
	 * @param time the primary metric: time per operation, or operations per second
	 * @param unit its unit
	 * @param allocation bytes allocated per operation
	 */
	record Figure(double time, String unit, double allocation) {
	}

	/** A benchmark's measured iterations, gathered from every round it ran in. */
	private record Pooled(String unit, List<Double> times, List<Double> allocations) {
	}

}
