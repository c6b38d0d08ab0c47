package dev.grantex.scim.benchmarks;

import java.io.IOException;
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

/**
 * One call at a time, one thread: the time and allocation of {@code getUser},
 * {@code listUsers} (a page of 200), {@code createUser} and {@code updateUser}, for each
 * client, against the canned server (the client's own cost) and the fake server (end to
 * end).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class OperationBenchmarks {

	/**
	 * The server: {@code canned} (prepared bytes) or {@code fake}
	 * ({@code FakeGrantexServer}).
	 */
	@Param({ "canned", "fake" })
	public String server = "canned";

	/** The client; see {@link ScimOps#create}. */
	@Param({ "floor", "grantex", "grantex-observed", "grantex-apache", "grantex-urlconnection", "unboundid" })
	public String client = "floor";

	private Target target;

	private ScimOps ops;

	private int created;

	@Setup(Level.Trial)
	public void start() {
		// UnboundID's typed reading cannot take Grantex's emails string: it is served the
		// conformant array
		this.target = Target.start(this.server, this.client.equals("unboundid"), WireFixtures.USERS);
		this.ops = ScimOps.create(this.client, this.target.baseUrl, this.target.scimToken, this.target.userId);
		// one call of each before measuring, so that a client that cannot do one fails
		// here, not in the middle
		this.ops.getUser();
		this.ops.updateUser();
	}

	@Setup(Level.Iteration)
	public void reset() {
		this.target.reset();
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.ops.close();
		this.target.close();
	}

	@Benchmark
	public Object getUser() {
		return this.ops.getUser();
	}

	@Benchmark
	public Object listUsers() {
		return this.ops.listUsers();
	}

	@Benchmark
	public Object createUser() {
		return this.ops.createUser(++this.created);
	}

	@Benchmark
	public Object updateUser() {
		return this.ops.updateUser();
	}

}
