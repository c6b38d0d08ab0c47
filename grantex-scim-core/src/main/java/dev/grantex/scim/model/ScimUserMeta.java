package dev.grantex.scim.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * SCIM metadata of a user. Grantex always sends both timestamps; they are nullable only
 * because SCIM makes them optional and another server may leave them out.
 *
 * @param resourceType the SCIM resource type, {@code User}
 * @param created when the user was created
 * @param lastModified when the user was last changed
 */
public record ScimUserMeta(String resourceType, @Nullable Instant created, @Nullable Instant lastModified) {
}
