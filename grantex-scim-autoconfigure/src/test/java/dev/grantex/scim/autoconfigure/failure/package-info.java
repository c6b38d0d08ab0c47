/**
 * What a user sees printed when an application with the starter fails to start.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.failure;

import org.jspecify.annotations.NullMarked;
