/**
 * An in-process fake of the Grantex SCIM server, for tests of code that talks to Grantex
 * over HTTP.
 *
 * <p>
 * {@link dev.grantex.scim.test.FakeGrantexServer} answers on a loopback port exactly as
 * the real Grantex auth-service does, quirks included (double-encoded {@code emails}, 500
 * on a duplicate {@code userName}, {@code application/scim+json} refused with 415,
 * cleartext HTTP/2 upgrades refused, two error shapes, two rate limiters), because a
 * client tested against a tidier fake proves nothing. The records in this package are
 * read-only snapshots of the fake's state and of the requests it saw, so a test can
 * assert on what its client actually did on the wire.
 * {@link dev.grantex.scim.test.FaultScript}, {@link dev.grantex.scim.test.Fault} and
 * {@link dev.grantex.scim.test.FaultTarget} make chosen requests fail in chosen ways
 * (429, 5xx, HTML pages, late answers, dropped connections, truncated bodies), so retry
 * and error handling can be tested against the failures production brings, and answer as
 * a hostile server would (redirects to another origin, echoed credentials, forged log
 * lines, gigabyte, inflating and endless bodies, lists that never end), so a hardened
 * client can be tested against them.
 */
@NullMarked
package dev.grantex.scim.test;

import org.jspecify.annotations.NullMarked;
