package dev.grantex.scim.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A newly created SCIM token together with its secret, which Grantex returns only in the
 * answer to {@code POST /v1/scim/tokens}. Store {@link #token()} somewhere safe straight
 * away: it cannot be read again.
 *
 * <p>
 * {@link #toString()} never prints the secret, so logging this record is safe.
 *
 * @param id the token id, used to revoke it
 * @param label the label given at creation
 * @param token the bearer secret for {@code /scim/v2}; configure it as the client's SCIM
 * token
 * @param createdAt when the token was created
 * @param lastUsedAt when it was last used; absent from the creation answer, so normally
 * {@code null}
 */
public record ScimTokenWithSecret(String id, String label, String token, Instant createdAt,
		@Nullable Instant lastUsedAt) {

	/**
	 * Returns this token without its secret, as the token list shows it.
	 * @return the token's public part
	 */
	public ScimToken withoutSecret() {
		return new ScimToken(this.id, this.label, this.createdAt, this.lastUsedAt);
	}

	@Override
	public String toString() {
		return "ScimTokenWithSecret[id=" + this.id + ", label=" + this.label + ", token=(redacted), createdAt="
				+ this.createdAt + ", lastUsedAt=" + this.lastUsedAt + "]";
	}

}
