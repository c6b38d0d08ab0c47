/**
 * Internal: what one request to Grantex is (its operation, id, page and body). Not API.
 */
@NullMarked
package dev.grantex.scim.internal.call;

import org.jspecify.annotations.NullMarked;
