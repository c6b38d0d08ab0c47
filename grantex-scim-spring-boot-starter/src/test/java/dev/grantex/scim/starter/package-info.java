/**
 * Tests of what the starter brings.
 */
@NullMarked
package dev.grantex.scim.starter;

import org.jspecify.annotations.NullMarked;
