/**
 * The Grantex SCIM 2.0 client: {@link dev.grantex.scim.ScimClient} and its builder.
 *
 * <p>
 * Start with {@link dev.grantex.scim.ScimClient#builder()}; the models live in
 * {@code dev.grantex.scim.model} and the exceptions in {@code dev.grantex.scim.error}.
 */
@NullMarked
package dev.grantex.scim;

import org.jspecify.annotations.NullMarked;
