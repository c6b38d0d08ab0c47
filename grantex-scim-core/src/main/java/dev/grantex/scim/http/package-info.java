/**
 * How the Grantex SCIM client sets up the HTTP clients it sends with: Apache HttpClient 5
 * by default, the JDK's {@code HttpClient} without it, each created on the first request.
 * The Spring Boot starter sets up Spring Boot's factories with the same methods.
 */
@NullMarked
package dev.grantex.scim.http;

import org.jspecify.annotations.NullMarked;
