/**
 * Spring TestContext support:
 * {@link dev.grantex.scim.test.autoconfigure.AutoConfigureGrantexScimFake @AutoConfigureGrantexScimFake}
 * points an application context's Grantex SCIM client (through its connection details) at
 * a {@link dev.grantex.scim.test.FakeGrantexServer} with working credentials. Needs
 * {@code spring-test} on the test class path.
 */
@NullMarked
package dev.grantex.scim.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
