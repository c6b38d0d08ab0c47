/**
 * An application with Actuator and a web server, observed through its own actuator
 * endpoints.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.observability;

import org.jspecify.annotations.NullMarked;
