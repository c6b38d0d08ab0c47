/**
 * Internal: the Grantex SCIM wire format, read and written with Jackson's streaming API.
 * Not API.
 */
@NullMarked
package dev.grantex.scim.internal.json;

import org.jspecify.annotations.NullMarked;
