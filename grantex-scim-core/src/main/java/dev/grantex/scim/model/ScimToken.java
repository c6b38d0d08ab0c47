package dev.grantex.scim.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A SCIM bearer token as {@code GET /v1/scim/tokens} lists it: without its secret, which
 * Grantex shows only once.
 *
 * @param id the token id, e.g. {@code scimtok_01M8GNQCJ04TS0KHCP3V7S4CZ3}; pass it to
 * {@link dev.grantex.scim.ScimClient#revokeToken(String)}
 * @param label the label given at creation
 * @param createdAt when the token was created
 * @param lastUsedAt when it was last used, or {@code null}; Grantex does not record use
 * today, so this is always {@code null} against the current server
 */
public record ScimToken(String id, String label, Instant createdAt, @Nullable Instant lastUsedAt) {
}
