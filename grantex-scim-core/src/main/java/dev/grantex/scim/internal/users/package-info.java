/**
 * Internal: what the client does for the user operations beyond one request: paging,
 * checking patch operations, and checking what an unanswered create did. Not API.
 */
@NullMarked
package dev.grantex.scim.internal.users;

import org.jspecify.annotations.NullMarked;
