/**
 * Tests of the README's choice of HTTP clients.
 */
@NullMarked
package dev.grantex.scim.docs.transport;

import org.jspecify.annotations.NullMarked;
