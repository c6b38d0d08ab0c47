package dev.grantex.scim.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ScimEmail;

/**
 * One user as the directory wants it in Grantex.
 *
 * @param userName the Grantex {@code userName}, unique in the directory
 * @param externalId the directory's own id for the person, or {@code null}; when present,
 * users are matched on it, so a person keeps their Grantex user when their
 * {@code userName} changes
 * @param displayName the display name, or {@code null} for none
 * @param email the work email address, sent as the one primary email, or {@code null} for
 * none
 * @param active whether the user may sign in
 */
public record DirectoryUser(String userName, @Nullable String externalId, @Nullable String displayName,
		@Nullable String email, boolean active) {

	/**
	 * The type the email address is given in Grantex.
	 */
	public static final String EMAIL_TYPE = "work";

	/**
	 * Checks the user name.
	 */
	public DirectoryUser {
		if (userName.isBlank()) {
			throw new IllegalArgumentException("userName must not be blank");
		}
	}

	/**
	 * The emails the user has in Grantex when in sync with the directory.
	 * @return the one primary work email, or none
	 */
	public List<ScimEmail> emails() {
		return (this.email != null) ? List.of(ScimEmail.primary(this.email, EMAIL_TYPE)) : List.of();
	}

	/**
	 * The attributes to create the user with, or to replace a user's with.
	 * @return the parameters: everything the directory says, nothing else
	 */
	public CreateScimUserParams toParams() {
		return CreateScimUserParams.builder(this.userName)
			.externalId(this.externalId)
			.displayName(this.displayName)
			.emails(emails())
			.active(this.active)
			.build();
	}

}
