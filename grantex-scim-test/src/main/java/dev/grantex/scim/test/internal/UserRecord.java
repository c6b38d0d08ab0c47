package dev.grantex.scim.test.internal;

import dev.grantex.scim.test.FakeScimUser;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

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
		return new FakeScimUser(id, userName, displayName, externalId, active, emailsJson, created, lastModified);
	}

}
