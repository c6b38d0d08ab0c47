/**
 * Benchmarks of the Grantex SCIM client as users get it, the {@code ScimClient} bean of a
 * Spring Boot application with the starter, beside {@code ScimClient.builder()}, two
 * floors (a raw HTTP/1.1 socket with Jackson, Spring's {@code RestClient} on Apache
 * HttpClient 5) and the UnboundID SCIM 2 SDK: JMH benchmarks of single operations,
 * concurrency and streaming, a harness for what the starter adds to an application's
 * start, and one for directory sync at scale under Grantex's rate limit. Run with
 * {@link dev.grantex.scim.benchmarks.RunBenchmarks}; see {@code docs/benchmarks.md}.
 */
@NullMarked
package dev.grantex.scim.benchmarks;

import org.jspecify.annotations.NullMarked;
