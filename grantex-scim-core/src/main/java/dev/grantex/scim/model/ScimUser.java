package dev.grantex.scim.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A user provisioned into Grantex, as the SCIM API returns it.
 *
 * <p>
 * Grantex stores only these attributes; anything else sent with a user is dropped by the
 * server.
 *
 * @param id the server-assigned id, e.g. {@code scimuser_01M8GNQPJVCXBW75VQK9NZJ3T7}
 * @param userName the unique (per developer, case-sensitive) user name
 * @param active whether the user is active
 * @param emails the user's email addresses; never {@code null}, empty when none
 * @param meta the user's SCIM metadata
 * @param externalId the identity provider's id for the user, or {@code null}
 * @param displayName the display name, or {@code null}
 */
public record ScimUser(String id, String userName, boolean active, List<ScimEmail> emails, ScimUserMeta meta,
		@Nullable String externalId, @Nullable String displayName) {

	/**
	 * Creates a user with an unmodifiable copy of the emails.
	 * @param id the id
	 * @param userName the user name
	 * @param active whether the user is active
	 * @param emails the emails
	 * @param meta the metadata
	 * @param externalId the external id, or {@code null}
	 * @param displayName the display name, or {@code null}
	 */
	public ScimUser {
		emails = List.copyOf(emails);
	}

	/**
	 * Returns the primary email, or the first one when none is marked primary.
	 * @return the email, or {@code null} when the user has none
	 */
	public @Nullable ScimEmail primaryEmail() {
		for (ScimEmail email : this.emails) {
			if (email.primary()) {
				return email;
			}
		}
		return this.emails.isEmpty() ? null : this.emails.get(0);
	}

}
