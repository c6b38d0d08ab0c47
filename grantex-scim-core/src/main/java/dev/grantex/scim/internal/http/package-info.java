/**
 * Internal: one request to Grantex on the wire, its answer read under the client's
 * bounds, and the failures turned into the client's exceptions. Not API.
 */
@NullMarked
package dev.grantex.scim.internal.http;

import org.jspecify.annotations.NullMarked;
