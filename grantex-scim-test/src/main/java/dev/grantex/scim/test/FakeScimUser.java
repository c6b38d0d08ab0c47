package dev.grantex.scim.test;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.grantex.scim.test.internal.JsonSupport;

/**
 * A snapshot of one SCIM user as the fake server stores it, so a test can check what its
 * client provisioned without going through the (quirky) wire format.
 *
 * <p>
 * The fields are the only five the real server keeps ({@code userName},
 * {@code displayName}, {@code externalId}, {@code active}, {@code emails}) plus the
 * server-assigned id and timestamps. Anything else a client sends (a {@code name},
 * extension schemas, its own {@code id}) is dropped by the server and therefore absent
 * here too.
 *
 * @param id the server-assigned id, {@code scimuser_} followed by a 26-character ULID
 * @param userName the stored user name; the server coerces non-string JSON to text the
 * way JavaScript's {@code String(value)} does ({@code 12345} becomes {@code "12345"})
 * @param displayName the stored display name, or {@code null} when unset (the wire then
 * omits it)
 * @param externalId the stored external id, or {@code null} when unset (the wire then
 * omits it)
 * @param active whether the user is active; the server stores {@code true} only for the
 * JSON literal {@code true}, or when {@code active} was omitted
 * @param emailsJson the {@code emails} value exactly as stored: the JSON text of whatever
 * the client sent ({@code "[]"} when it sent nothing, {@code "null"} for a JSON
 * {@code null}); it is this text that the real server puts on the wire as a JSON string
 * @param created when the user was created, millisecond precision
 * @param lastModified when the user was last written by POST, PUT or PATCH, millisecond
 * precision
 */
public record FakeScimUser(String id, String userName, @Nullable String displayName, @Nullable String externalId,
		boolean active, String emailsJson, Instant created, Instant lastModified) {

	/**
	 * Checks the components that may never be absent.
	 * @param id the server-assigned id
	 * @param userName the stored user name
	 * @param displayName the stored display name, or {@code null}
	 * @param externalId the stored external id, or {@code null}
	 * @param active whether the user is active
	 * @param emailsJson the {@code emails} value exactly as stored
	 * @param created when the user was created
	 * @param lastModified when the user was last written
	 */
	public FakeScimUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(userName, "userName");
		Objects.requireNonNull(emailsJson, "emailsJson");
		Objects.requireNonNull(created, "created");
		Objects.requireNonNull(lastModified, "lastModified");
	}

	/**
	 * The stored {@code emails} parsed as JSON, so a test can inspect individual
	 * addresses without parsing {@link #emailsJson()} itself.
	 * @return usually an array node; a {@code null} node or an object node when the
	 * client sent those
	 */
	public JsonNode emails() {
		return JsonSupport.parse(this.emailsJson);
	}
}
