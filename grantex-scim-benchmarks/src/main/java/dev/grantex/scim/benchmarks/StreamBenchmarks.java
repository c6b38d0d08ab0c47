package dev.grantex.scim.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every one of 100,000 users, page by page (100 a page, 1,000 requests), in a JVM of 64
 * MB heap: the bean's {@code streamUsers()} against a hand-written pager on each floor
 * and on UnboundID. The canned server serves its prepared page of 100 users with
 * {@code totalResults} 100,000 for every page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms64m", "-Xmx64m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamBenchmarks {

	static final int TOTAL_USERS = 100_000;

	/** The client; see {@link ScimOps#create}. */
	@Param({ "raw", "restclient-apache", "bean", "unboundid" })
	public String client = "raw";

	private Target target;

	private ScimOps ops;

	@Setup(Level.Trial)
	public void start() {
		this.target = Target.start("canned", ScimOps.needsEmailsAsArray(this.client), TOTAL_USERS);
		this.ops = ScimOps.create(this.client, this.target);
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		this.ops.close();
		this.target.close();
	}

	@Benchmark
	public long streamUsers(Blackhole blackhole) {
		long users = this.ops.streamUsers(blackhole::consume);
		if (users != TOTAL_USERS) {
			throw new IllegalStateException("Streamed " + users + " users, not " + TOTAL_USERS);
		}
		return users;
	}

}
