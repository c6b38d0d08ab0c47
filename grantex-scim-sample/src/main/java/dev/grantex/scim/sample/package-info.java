/**
 * A runnable example of the Grantex SCIM client.
 */
@NullMarked
package dev.grantex.scim.sample;

import org.jspecify.annotations.NullMarked;
