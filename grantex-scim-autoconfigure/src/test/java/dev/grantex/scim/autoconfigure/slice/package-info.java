/**
 * An application's service that uses the {@code ScimClient}, tested in Spring Boot's
 * {@code @RestClientTest} slice with the auto-configured {@code MockRestServiceServer}.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.slice;

import org.jspecify.annotations.NullMarked;
