/**
 * Tests of the README's connection details and builder customizer.
 */
@NullMarked
package dev.grantex.scim.docs.wiring;

import org.jspecify.annotations.NullMarked;
