/**
 * The README's client without Spring Boot: built with its builder, and every kind of
 * operation.
 */
@NullMarked
package dev.grantex.scim.docs.withoutboot;

import org.jspecify.annotations.NullMarked;
