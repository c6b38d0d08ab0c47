/**
 * Micrometer observation of the Grantex SCIM client: one
 * {@code grantex.scim.client.operation} observation per logical operation, retries
 * included, with a replaceable convention.
 */
@NullMarked
package dev.grantex.scim.observation;

import org.jspecify.annotations.NullMarked;
