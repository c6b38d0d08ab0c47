package dev.grantex.scim.model;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to send when creating a user, or when replacing one with {@code PUT}: the five
 * attributes Grantex stores.
 *
 * <p>
 * On replace, Grantex clears every attribute left out here: a {@code null} display name
 * or external id removes the stored one, and no emails removes all of them. Start from
 * {@link #from(ScimUser)} to keep what a user already has.
 *
 * @param userName the unique (per developer, case-sensitive) user name, typically an
 * email address; not blank
 * @param displayName the display name, or {@code null}
 * @param externalId the identity provider's id for the user, or {@code null}
 * @param emails the email addresses; never {@code null}
 * @param active whether the user is active
 */
public record CreateScimUserParams(String userName, @Nullable String displayName, @Nullable String externalId,
		List<ScimEmail> emails, boolean active) {

	/**
	 * Creates the parameters, refusing a blank user name before anything is sent.
	 * @param userName the user name
	 * @param displayName the display name, or {@code null}
	 * @param externalId the external id, or {@code null}
	 * @param emails the emails
	 * @param active whether the user is active
	 * @throws IllegalArgumentException if {@code userName} is null or blank, or
	 * {@code emails} is null
	 */
	public CreateScimUserParams {
		if (userName == null || userName.isBlank()) {
			throw new IllegalArgumentException(
					"userName must not be blank: Grantex requires a userName for every user");
		}
		if (emails == null) {
			throw new IllegalArgumentException("emails must not be null; pass an empty list for none");
		}
		emails = List.copyOf(emails);
	}

	/**
	 * Parameters for an active user with only a user name.
	 * @param userName the user name
	 * @return the parameters
	 */
	public static CreateScimUserParams of(String userName) {
		return builder(userName).build();
	}

	/**
	 * Starts parameters for the given user name; {@code active} defaults to {@code true}.
	 * @param userName the user name
	 * @return a builder
	 */
	public static Builder builder(String userName) {
		return new Builder(userName);
	}

	/**
	 * Parameters holding everything a user has now, to change a few attributes and
	 * {@code replaceUser} it.
	 * @param user the user as read from Grantex
	 * @return the parameters
	 */
	public static CreateScimUserParams from(ScimUser user) {
		return new CreateScimUserParams(user.userName(), user.displayName(), user.externalId(), user.emails(),
				user.active());
	}

	/**
	 * A builder holding these parameters, to derive changed ones.
	 * @return a builder
	 */
	public Builder toBuilder() {
		return new Builder(this.userName).displayName(this.displayName)
			.externalId(this.externalId)
			.emails(this.emails)
			.active(this.active);
	}

	/**
	 * Builds {@link CreateScimUserParams}. Not thread-safe.
	 */
	public static final class Builder {

		private String userName;

		private @Nullable String displayName;

		private @Nullable String externalId;

		private final List<ScimEmail> emails = new ArrayList<>();

		private boolean active = true;

		private Builder(String userName) {
			this.userName = userName;
		}

		/**
		 * Sets the user name.
		 * @param userName the user name; not blank
		 * @return this builder
		 */
		public Builder userName(String userName) {
			this.userName = userName;
			return this;
		}

		/**
		 * Sets the display name.
		 * @param displayName the display name, or {@code null} for none
		 * @return this builder
		 */
		public Builder displayName(@Nullable String displayName) {
			this.displayName = displayName;
			return this;
		}

		/**
		 * Sets the identity provider's id for the user.
		 * @param externalId the external id, or {@code null} for none
		 * @return this builder
		 */
		public Builder externalId(@Nullable String externalId) {
			this.externalId = externalId;
			return this;
		}

		/**
		 * Adds an email address.
		 * @param email the email
		 * @return this builder
		 */
		public Builder email(ScimEmail email) {
			if (email == null) {
				throw new IllegalArgumentException("email must not be null");
			}
			this.emails.add(email);
			return this;
		}

		/**
		 * Replaces the email addresses.
		 * @param emails the emails; never {@code null}
		 * @return this builder
		 */
		public Builder emails(List<ScimEmail> emails) {
			if (emails == null) {
				throw new IllegalArgumentException("emails must not be null; pass an empty list for none");
			}
			this.emails.clear();
			emails.forEach(this::email);
			return this;
		}

		/**
		 * Sets whether the user is active; {@code true} unless set.
		 * @param active whether the user is active
		 * @return this builder
		 */
		public Builder active(boolean active) {
			this.active = active;
			return this;
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 * @throws IllegalArgumentException if the user name is blank
		 */
		public CreateScimUserParams build() {
			return new CreateScimUserParams(this.userName, this.displayName, this.externalId, this.emails, this.active);
		}

	}

}
