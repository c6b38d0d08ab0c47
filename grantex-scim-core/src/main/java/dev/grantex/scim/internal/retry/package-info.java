/**
 * Internal: the retry policy's one decision, and its waits. Not API.
 */
@NullMarked
package dev.grantex.scim.internal.retry;

import org.jspecify.annotations.NullMarked;
