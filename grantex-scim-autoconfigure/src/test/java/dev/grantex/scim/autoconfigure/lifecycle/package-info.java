/**
 * A small provisioning application that uses the starter the way an application would:
 * {@code application.yml} and an injected {@link dev.grantex.scim.ScimClient}.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.lifecycle;

import org.jspecify.annotations.NullMarked;
