/**
 * The README's ways of changing how Spring Boot builds the client: connection details
 * from somewhere other than properties, and a builder customizer.
 */
@NullMarked
package dev.grantex.scim.docs.wiring;

import org.jspecify.annotations.NullMarked;
