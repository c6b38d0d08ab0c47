/**
 * The unchecked exceptions of the Grantex SCIM client, all under
 * {@link dev.grantex.scim.error.ScimException}.
 *
 * <p>
 * None of their messages contains a credential, a {@code userName} or an email address.
 */
@NullMarked
package dev.grantex.scim.error;

import org.jspecify.annotations.NullMarked;
