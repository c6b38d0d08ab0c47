package dev.grantex.scim.test.internal;

import java.time.Instant;

import dev.grantex.scim.test.FakeScimToken;

/**
 * A stored SCIM token; {@code revoked} is guarded by the owning
 * {@link DeveloperAccount}'s lock.
 */
final class TokenRecord {

	final String id;

	final String label;

	final String secret;

	final Instant createdAt;

	final DeveloperAccount owner;

	boolean revoked;

	TokenRecord(String id, String label, String secret, Instant createdAt, DeveloperAccount owner) {
		this.id = id;
		this.label = label;
		this.secret = secret;
		this.createdAt = createdAt;
		this.owner = owner;
	}

	FakeScimToken snapshot() {
		return new FakeScimToken(this.id, this.label, this.createdAt, this.revoked);
	}

}
