/**
 * Micrometer metrics of the Grantex SCIM client beyond its observations: the retry
 * counter.
 */
@NullMarked
package dev.grantex.scim.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
