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

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON result and the start-up figures into the Markdown tables of
 * {@code docs/benchmarks.md}: medians over all measured iterations, and ratios to the
 * floor from the same run; then checks the targets.
 */
final class Report {

	static final List<String> OPERATIONS = List.of("getUser", "listUsers", "createUser", "updateUser");

	static final List<String> CLIENTS = List.of("floor", "grantex", "grantex-observed", "grantex-apache",
			"grantex-urlconnection", "unboundid");

	/** One benchmark's medians. */
	record Figure(double time, String unit, double allocation) {
	}

	private final Map<String, Figure> figures = new LinkedHashMap<>();

	private final StringBuilder out = new StringBuilder();

	private final List<String> targets = new ArrayList<>();

	private Report(JsonNode results) {
		for (JsonNode result : results) {
			String benchmark = result.path("benchmark").asString();
			String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			String kind = benchmark.contains("StreamBenchmarks") ? "stream"
					: result.path("params").path("server").asString();
			String client = result.path("params").path("client").asString();
			JsonNode primary = result.path("primaryMetric");
			double allocation = Double.NaN;
			for (Map.Entry<String, JsonNode> secondary : result.path("secondaryMetrics").properties()) {
				if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
					allocation = median(secondary.getValue());
				}
			}
			this.figures.put(key(kind, method, client),
					new Figure(median(primary), primary.path("scoreUnit").asString(), allocation));
		}
	}

	static String render(Path jmhJson, StartupHarness.@Nullable Result startup) throws IOException {
		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(jmhJson));
		Report report = new Report(results);
		report.operations("canned", "Against the canned server (prepared bytes: the client's own cost)");
		report.operations("fake", "Against `FakeGrantexServer` (end to end, server included)");
		report.stream();
		report.startup(startup);
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
		if (figure(server, "getUser", "floor") == null && figure(server, "listUsers", "floor") == null) {
			return;
		}
		this.out.append("### ").append(title).append("\n\n");
		this.out
			.append("| operation | client | time (µs/op) | time × floor | allocation (B/op) | allocation × floor |\n");
		this.out.append("|---|---|---:|---:|---:|---:|\n");
		for (String operation : OPERATIONS) {
			Figure floor = figure(server, operation, "floor");
			for (String client : CLIENTS) {
				Figure figure = figure(server, operation, client);
				if (figure == null) {
					continue;
				}
				this.out.append("| `")
					.append(operation)
					.append("` | ")
					.append(client)
					.append(" | ")
					.append(number(figure.time()))
					.append(" | ")
					.append(ratio(figure.time(), floor, Figure::time))
					.append(" | ")
					.append(number(figure.allocation()))
					.append(" | ")
					.append(ratio(figure.allocation(), floor, Figure::allocation))
					.append(" |\n");
			}
		}
		this.out.append('\n');
	}

	private void stream() {
		Figure floor = figure("stream", "streamUsers", "floor");
		if (floor == null) {
			return;
		}
		this.out.append("### `streamUsers()` over 100,000 users (1,000 pages of 100), `-Xmx64m`, canned server\n\n");
		this.out.append(
				"| client | time (ms per 100,000 users) | users/s | throughput × floor pager | allocation (MB/op) |\n");
		this.out.append("|---|---:|---:|---:|---:|\n");
		for (String client : CLIENTS) {
			Figure figure = figure("stream", "streamUsers", client);
			if (figure == null) {
				continue;
			}
			this.out.append("| ")
				.append(client.equals("floor") ? "floor (hand-written pager)"
						: client.equals("unboundid") ? "unboundid (hand-written pager)" : client + " (`streamUsers()`)")
				.append(" | ")
				.append(number(figure.time()))
				.append(" | ")
				.append(number(StreamBenchmarks.TOTAL_USERS / (figure.time() / 1000)))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2fx", floor.time() / figure.time()))
				.append(" | ")
				.append(number(figure.allocation() / 1e6))
				.append(" |\n");
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
			.append(" starts of each kind, each in a fresh JVM, "
					+ "alternating; without = the same class path less the Grantex jars; \"a RestClient of the application's\" = the "
					+ "application also builds one from Boot's `RestClient.Builder`. Warm: ")
			.append(startup.warmWith().contextMillis().size())
			.append(" starts of each kind in one JVM after warm-up, alternating `grantex.enabled`.\n\n");
		this.out.append("| application | `SpringApplication.run` median (ms) | its thread's CPU median (ms) "
				+ "| whole JVM median (ms) | bean definitions |\n");
		this.out.append("|---|---:|---:|---:|---:|\n");
		row("cold, without the Grantex jars", without);
		row("cold, with the starter", with);
		difference("**cold: added by the starter**", with, without);
		row("cold, a RestClient of the application's, without the Grantex jars", startup.withoutAppClient());
		row("cold, a RestClient of the application's, with the starter", startup.withAppClient());
		difference("**cold, the application making its own RestClient: added by the starter**", startup.withAppClient(),
				startup.withoutAppClient());
		row("warm, `grantex.enabled=false`", startup.warmWithout());
		row("warm, `grantex.enabled=true`", startup.warmWith());
		difference("**warm: added by the auto-configuration**", startup.warmWith(), startup.warmWithout());
		this.out.append('\n');
		double cold = with.medianContextMillis() - without.medianContextMillis();
		double coldCpu = with.medianCpuMillis() - without.medianCpuMillis();
		double warm = startup.warmWith().medianContextMillis() - startup.warmWithout().medianContextMillis();
		this.targets.add(check("the starter adds at most 30 ms to a cold context start (wall)", cold, 30, " ms"));
		this.targets.add(check("the starter adds at most 30 ms to a cold context start (starting thread's CPU)",
				coldCpu, 30, " ms"));
		double coldBesideClient = startup.withAppClient().medianContextMillis()
				- startup.withoutAppClient().medianContextMillis();
		this.targets.add(check("the starter adds at most 30 ms to a cold context start of an application that makes "
				+ "a RestClient of its own (wall)", coldBesideClient, 30, " ms"));
		this.targets.add(check("the auto-configuration adds at most 30 ms to a warm context start", warm, 30, " ms"));
	}

	private void row(String name, StartupHarness.Starts starts) {
		this.out.append("| ")
			.append(name)
			.append(" | ")
			.append(number(starts.medianContextMillis()))
			.append(" | ")
			.append(number(starts.medianCpuMillis()))
			.append(" | ")
			.append(starts.processMillis().isEmpty() ? "" : number(starts.medianProcessMillis()))
			.append(" | ")
			.append(starts.beans())
			.append(" |\n");
	}

	private void difference(String name, StartupHarness.Starts with, StartupHarness.Starts without) {
		this.out.append("| ")
			.append(name)
			.append(" | **")
			.append(number(with.medianContextMillis() - without.medianContextMillis()))
			.append("** | **")
			.append(number(with.medianCpuMillis() - without.medianCpuMillis()))
			.append("** | ")
			.append(with.processMillis().isEmpty() ? ""
					: "**" + number(with.medianProcessMillis() - without.medianProcessMillis()) + "**")
			.append(" | ")
			.append(with.beans() - without.beans())
			.append(" |\n");
	}

	private void targets() {
		this.targets.add(0, timeTarget("getUser", 1.15));
		this.targets.add(1, timeTarget("updateUser", 1.15));
		this.targets.add(2, timeTarget("listUsers", 1.10));
		Figure floor = figure("canned", "getUser", "floor");
		Figure grantex = figure("canned", "getUser", "grantex");
		if (floor != null && grantex != null) {
			this.targets.add(3, check("allocation per getUser at most 1.5x the floor's",
					grantex.allocation() / floor.allocation(), 1.5, "x"));
		}
		Figure streamFloor = figure("stream", "streamUsers", "floor");
		Figure stream = figure("stream", "streamUsers", "grantex");
		if (streamFloor != null && stream != null) {
			double throughput = streamFloor.time() / stream.time();
			this.targets.add(String.format(Locale.ROOT,
					"%s streamUsers() over 100,000 users with -Xmx64m at least "
							+ "0.8x the floor pager's throughput: %.2fx",
					throughput >= 0.8 ? "MET   " : "MISSED", throughput));
		}
		for (String client : List.of("grantex", "grantex-apache", "grantex-urlconnection")) {
			for (String kind : List.of("canned", "fake")) {
				for (String operation : OPERATIONS) {
					peer(client, kind, operation);
				}
			}
			peer(client, "stream", "streamUsers");
		}
		this.out.append("### Targets (this client with `ObservationRegistry.NOOP`, canned server; against UnboundID "
				+ "also on Apache HttpClient 5 and on UnboundID's own transport, `HttpURLConnection`)\n\n");
		for (String target : this.targets) {
			if (target != null) {
				this.out.append("    ").append(target).append('\n');
			}
		}
		this.out.append('\n');
	}

	private void peer(String client, String kind, String method) {
		Figure grantex = figure(kind, method, client);
		Figure unboundid = figure(kind, method, "unboundid");
		if (grantex == null || unboundid == null) {
			return;
		}
		double faster = unboundid.time() / grantex.time();
		this.targets.add(String.format(Locale.ROOT, "%s %s faster than UnboundID on %s (%s): %.2fx",
				faster > 1.0 ? "MET   " : "MISSED", client, method, kind, faster));
	}

	private @Nullable String timeTarget(String operation, double limit) {
		Figure floor = figure("canned", operation, "floor");
		Figure grantex = figure("canned", operation, "grantex");
		if (floor == null || grantex == null) {
			return null;
		}
		return check(operation + " time at most " + limit + "x the floor's", grantex.time() / floor.time(), limit, "x");
	}

	private static String check(String what, double value, double limit, String unit) {
		return String.format(Locale.ROOT, "%s %s: %.2f%s", (value <= limit) ? "MET   " : "MISSED", what, value, unit);
	}

	private static String ratio(double value, @Nullable Figure floor, java.util.function.ToDoubleFunction<Figure> of) {
		if (floor == null || Double.isNaN(value)) {
			return "";
		}
		return String.format(Locale.ROOT, "%.2fx", value / of.applyAsDouble(floor));
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

	/** The median of all measured iterations of a JMH metric, over all forks. */
	private static double median(JsonNode metric) {
		List<Double> values = new ArrayList<>();
		for (JsonNode fork : metric.path("rawData")) {
			for (JsonNode iteration : fork) {
				values.add(iteration.asDouble());
			}
		}
		if (values.isEmpty()) {
			return metric.path("score").asDouble(Double.NaN);
		}
		return median(values);
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

}
