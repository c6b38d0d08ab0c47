/**
 * Tests of the README's client without Spring Boot.
 */
@NullMarked
package dev.grantex.scim.docs.withoutboot;

import org.jspecify.annotations.NullMarked;
