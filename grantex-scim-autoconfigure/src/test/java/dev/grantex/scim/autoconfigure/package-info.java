/**
 * Tests of the Grantex SCIM auto-configuration.
 */
@NullMarked
package dev.grantex.scim.autoconfigure;

import org.jspecify.annotations.NullMarked;
