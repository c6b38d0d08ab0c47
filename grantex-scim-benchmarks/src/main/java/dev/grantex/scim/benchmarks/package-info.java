/**
 * JMH benchmarks of the Grantex SCIM client against the floor (the JDK {@code HttpClient}
 * with Jackson reading straight into records) and the UnboundID SCIM 2 SDK client, and a
 * harness that measures what the auto-configuration adds to an application context's
 * start. Run with {@link dev.grantex.scim.benchmarks.RunBenchmarks}; see
 * {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.grantex.scim.benchmarks;

import org.jspecify.annotations.NullMarked;
