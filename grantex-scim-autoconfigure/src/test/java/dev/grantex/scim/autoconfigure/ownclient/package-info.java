/**
 * The health of clients that an application builds and registers itself.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.ownclient;

import org.jspecify.annotations.NullMarked;
