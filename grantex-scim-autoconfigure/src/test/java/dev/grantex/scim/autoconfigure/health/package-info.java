/**
 * Tests of the Grantex SCIM health indicator.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
