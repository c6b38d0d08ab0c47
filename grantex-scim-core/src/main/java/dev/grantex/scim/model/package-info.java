/**
 * Immutable records for what the Grantex SCIM API sends and accepts: users, tokens, list
 * pages, patch operations and the rate-limit state of the last response.
 */
@NullMarked
package dev.grantex.scim.model;

import org.jspecify.annotations.NullMarked;
