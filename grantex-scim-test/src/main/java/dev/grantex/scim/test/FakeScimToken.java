package dev.grantex.scim.test;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one SCIM provisioning token of a developer, so a test can check which
 * tokens its client created or revoked. The secret is deliberately absent: the real
 * server shows it only once, in the creation response, and a test that needs it gets it
 * from {@link FakeGrantexServer#createScimToken(String, String)} or from that response.
 *
 * @param id the token id, {@code scimtok_} followed by a 26-character ULID
 * @param label the label as stored (the server stores a numeric label as text)
 * @param createdAt when the token was created, millisecond precision
 * @param revoked whether {@code DELETE /v1/scim/tokens/{id}} revoked it; the real server
 * forgets a revoked token at once (it no longer lists it and refuses it on
 * {@code /scim/v2}), the fake keeps it in this snapshot so a test can tell "revoked" from
 * "never created"
 */
public record FakeScimToken(String id, String label, Instant createdAt, boolean revoked) {

	/**
	 * Checks the components that may never be absent.
	 * @param id the token id
	 * @param label the label as stored
	 * @param createdAt when the token was created
	 * @param revoked whether the token was revoked
	 */
	public FakeScimToken {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(createdAt, "createdAt");
	}
}
