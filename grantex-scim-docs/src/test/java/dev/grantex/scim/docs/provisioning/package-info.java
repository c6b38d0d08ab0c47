/**
 * Tests of the README's application: with its {@code application.yml}, against the fake
 * server, in Spring Boot's test slice, and as the README's test examples.
 */
@NullMarked
package dev.grantex.scim.docs.provisioning;

import org.jspecify.annotations.NullMarked;
