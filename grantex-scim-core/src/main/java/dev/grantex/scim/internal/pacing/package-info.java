/**
 * Internal: client-side pacing under Grantex's announced rate limits. Not API.
 */
@NullMarked
package dev.grantex.scim.internal.pacing;

import org.jspecify.annotations.NullMarked;
