package dev.grantex.scim.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The operations against {@code FakeGrantexServer} (200 users, its rate limit lifted, its
 * request journal off): end to end, the fake's own cost included, which is larger than
 * any client's. The floors, the bean and UnboundID. One fork, to keep the whole run
 * short: the server's cost dominates these figures.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class FakeOperationBenchmarks extends OperationBenchmarks {

	/** The client; see {@link ScimOps#create}. */
	@Param({ "raw", "restclient-apache", "bean", "unboundid" })
	public String client = "raw";

	@Override
	protected String server() {
		return "fake";
	}

	@Override
	protected String client() {
		return this.client;
	}

}
