/**
 * The unchecked exceptions of the Grantex SCIM client, all under
 * {@link dev.grantex.scim.error.ScimException}.
 *
 * <p>
 * Their messages never hold a credential, nor the {@code userName}, email addresses or
 * other personal data of a request; what they quote from the server is redacted of the
 * client's credentials, escaped and shortened first.
 */
@NullMarked
package dev.grantex.scim.error;

import org.jspecify.annotations.NullMarked;
