/**
 * The Grantex credentials kept out of Actuator's {@code env} endpoint wherever their
 * values appear.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.sanitizing;

import org.jspecify.annotations.NullMarked;
