/**
 * Tests of the README's health group.
 */
@NullMarked
package dev.grantex.scim.docs.health;

import org.jspecify.annotations.NullMarked;
