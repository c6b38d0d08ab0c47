/**
 * The README's Spring Boot application: a service with the auto-configured
 * {@link dev.grantex.scim.ScimClient} injected.
 */
@NullMarked
package dev.grantex.scim.docs.provisioning;

import org.jspecify.annotations.NullMarked;
