package dev.grantex.scim.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The operations against the {@link CannedServer}, whose answers are prepared bytes: what
 * each client costs by itself. Every client: the floors, the bean, the bean on the JDK
 * {@code HttpClient}, {@code ScimClient.builder()}, and UnboundID.
 */
@State(Scope.Benchmark)
public class CannedOperationBenchmarks extends OperationBenchmarks {

	/** The client; see {@link ScimOps#create}. */
	@Param({ "raw", "restclient-apache", "bean", "builder", "bean-jdk", "unboundid" })
	public String client = "raw";

	@Override
	protected String server() {
		return "canned";
	}

	@Override
	protected String client() {
		return this.client;
	}

}
