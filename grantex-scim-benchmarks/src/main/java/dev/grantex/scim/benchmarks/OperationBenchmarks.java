package dev.grantex.scim.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call at a time, one thread: the time and allocation of {@code getUser},
 * {@code listUsers} (a page of 200), {@code createUser} and {@code updateUser}, for each
 * client of the subclass's {@code client} parameter against its server. Ten seconds of
 * warm-up: the bean's calls go through far more code than the raw floor's, and reach
 * their steady speed only after four to six seconds on a two-core machine, some forks
 * later (one fork's {@code createUser} was still three times slower after five). Three
 * forks: a fork of the bean settles now and then a third slower than its others (its code
 * compiled differently), and with two such a fork decides the median alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class OperationBenchmarks {

	private Target target;

	private ScimOps ops;

	private int created;

	/**
	 * The server: {@code canned} or {@code fake}.
	 * @return its name
	 */
	protected abstract String server();

	/**
	 * The client, as {@link ScimOps#create} names it.
	 * @return its name
	 */
	protected abstract String client();

	@Setup(Level.Trial)
	public void start() {
		this.target = Target.start(server(), ScimOps.needsEmailsAsArray(client()), WireFixtures.USERS);
		this.ops = ScimOps.create(client(), this.target);
		// one call of each kind before measuring, so that a client that cannot do one
		// fails here, not in the middle
		this.ops.getUser();
		this.ops.updateUser();
		this.ops.listUsers();
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
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
