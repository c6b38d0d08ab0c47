/**
 * Internal: how one operation is carried out (observation, deadline, retry, pacing) and,
 * in its sub-packages, the wire, the JSON, the retry policy, pacing and paging. Nothing
 * outside the core uses it, and no public signature shows it. Not API.
 */
@NullMarked
package dev.grantex.scim.internal;

import org.jspecify.annotations.NullMarked;
