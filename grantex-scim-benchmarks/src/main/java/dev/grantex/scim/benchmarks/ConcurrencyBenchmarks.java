package dev.grantex.scim.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code getUser} from 1, 16 and 64 threads against the canned server: the throughput of
 * one bean shared by all of them ({@code bean*}), of one {@code restclient-apache} floor
 * shared by all of them ({@code restclientApache*}, the same 64 connections as the bean),
 * of that floor's Apache HttpClient alone, without Spring ({@code apache*}: what the
 * transport costs by itself), and of each thread with a raw socket of its own
 * ({@code raw*}, no pool to share). A benchmark's score is the calls per second of all
 * its threads together.
 *
 * <p>
 * Twenty-five seconds of warm-up: on two cores, 16 or 64 busy threads leave the JIT
 * compiler little processor time, and code as large as the bean's was still being
 * compiled after ten seconds (measured by hand: 16 threads of the bean made 8,000 calls a
 * second after 8 s and 16,000 after 40 s; the raw sockets had settled within four).
 * Throughput once compiled is what a long-running application sees.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConcurrencyBenchmarks {

	@Benchmark
	@Threads(1)
	public Object bean1(SharedBean bean) {
		return bean.ops.getUser();
	}

	@Benchmark
	@Threads(16)
	public Object bean16(SharedBean bean) {
		return bean.ops.getUser();
	}

	@Benchmark
	@Threads(64)
	public Object bean64(SharedBean bean) {
		return bean.ops.getUser();
	}

	@Benchmark
	@Threads(1)
	public Object restclientApache1(SharedRestClientApache floor) {
		return floor.ops.getUser();
	}

	@Benchmark
	@Threads(16)
	public Object restclientApache16(SharedRestClientApache floor) {
		return floor.ops.getUser();
	}

	@Benchmark
	@Threads(64)
	public Object restclientApache64(SharedRestClientApache floor) {
		return floor.ops.getUser();
	}

	@Benchmark
	@Threads(1)
	public Object apache1(SharedApache floor) {
		return floor.ops.getUser();
	}

	@Benchmark
	@Threads(16)
	public Object apache16(SharedApache floor) {
		return floor.ops.getUser();
	}

	@Benchmark
	@Threads(64)
	public Object apache64(SharedApache floor) {
		return floor.ops.getUser();
	}

	@Benchmark
	@Threads(1)
	public Object raw1(OwnRaw raw) {
		return raw.ops.getUser();
	}

	@Benchmark
	@Threads(16)
	public Object raw16(OwnRaw raw) {
		return raw.ops.getUser();
	}

	@Benchmark
	@Threads(64)
	public Object raw64(OwnRaw raw) {
		return raw.ops.getUser();
	}

	/** The canned server, shared by every thread. */
	@State(Scope.Benchmark)
	public static class Server {

		Target target;

		@Setup(Level.Trial)
		public void start() {
			this.target = Target.start("canned", false, WireFixtures.USERS);
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			this.target.close();
		}

	}

	/** The bean, shared by every thread. */
	@State(Scope.Benchmark)
	public static class SharedBean extends Client {

		public SharedBean() {
			super("bean");
		}

	}

	/** The {@code restclient-apache} floor, shared by every thread. */
	@State(Scope.Benchmark)
	public static class SharedRestClientApache extends Client {

		public SharedRestClientApache() {
			super("restclient-apache");
		}

	}

	/** Apache HttpClient 5 alone, shared by every thread. */
	@State(Scope.Benchmark)
	public static class SharedApache extends Client {

		public SharedApache() {
			super("apache");
		}

	}

	/** A raw socket of each thread's own. */
	@State(Scope.Thread)
	public static class OwnRaw extends Client {

		public OwnRaw() {
			super("raw");
		}

	}

	/**
	 * A client of {@link ScimOps#create}, created and warmed by one call before the
	 * trial; its subclass's scope says who shares it.
	 */
	public abstract static class Client {

		private final String name;

		ScimOps ops;

		Client(String name) {
			this.name = name;
		}

		@Setup(Level.Trial)
		public void start(Server server) {
			this.ops = ScimOps.create(this.name, server.target);
			this.ops.getUser();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.ops.close();
		}

	}

}
