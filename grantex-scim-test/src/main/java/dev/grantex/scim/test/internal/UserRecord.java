package dev.grantex.scim.test.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.FakeScimUser;

/** A stored SCIM user; mutable, guarded by its {@link DeveloperAccount}'s lock. */
final class UserRecord {

	final String id;

	final long sequence;

	final Instant created;

	String userName;

	@Nullable String displayName;

	@Nullable String externalId;

	boolean active;

	String emailsJson;

	Instant lastModified;

	/** Where {@link CreationOrder} keeps the user. */
	int slot;

	UserRecord(String id, long sequence, Instant created, String userName, @Nullable String displayName,
			@Nullable String externalId, boolean active, String emailsJson) {
		this.id = id;
		this.sequence = sequence;
		this.created = created;
		this.lastModified = created;
		this.userName = userName;
		this.displayName = displayName;
		this.externalId = externalId;
		this.active = active;
		this.emailsJson = emailsJson;
	}

	FakeScimUser snapshot() {
		return new FakeScimUser(this.id, this.userName, this.displayName, this.externalId, this.active, this.emailsJson,
				this.created, this.lastModified);
	}

}
