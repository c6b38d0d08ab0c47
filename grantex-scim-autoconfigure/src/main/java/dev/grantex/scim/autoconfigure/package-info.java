/**
 * Spring Boot auto-configuration for the Grantex SCIM client: binds {@code grantex.*} to
 * {@link dev.grantex.scim.autoconfigure.GrantexScimProperties} and contributes a
 * {@link dev.grantex.scim.ScimClient} bean, which applications adjust with
 * {@link dev.grantex.scim.autoconfigure.ScimClientBuilderCustomizer} beans.
 */
@NullMarked
package dev.grantex.scim.autoconfigure;

import org.jspecify.annotations.NullMarked;
