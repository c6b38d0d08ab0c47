/**
 * JUnit Jupiter support:
 * {@link dev.grantex.scim.test.junit.GrantexScimFake @GrantexScimFake} gives each test
 * its own running {@link dev.grantex.scim.test.FakeGrantexServer} and a developer account
 * on it. Needs {@code junit-jupiter-api} on the test class path.
 */
@NullMarked
package dev.grantex.scim.test.junit;

import org.jspecify.annotations.NullMarked;
