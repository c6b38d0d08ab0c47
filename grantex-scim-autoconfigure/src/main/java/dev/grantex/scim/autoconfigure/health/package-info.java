/**
 * The Actuator health indicator of the Grantex SCIM API.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
