/**
 * How the Grantex SCIM client retries failed operations: the settings, with the one
 * description of the rules, and a listener told of every retry.
 */
@NullMarked
package dev.grantex.scim.retry;

import org.jspecify.annotations.NullMarked;
