package dev.grantex.scim.internal.pacing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.internal.call.RateLimitScope;
import dev.grantex.scim.internal.call.ScimOperation;

/**
 * Which budget each operation of one client spends: the per-IP budget of its Grantex
 * origin, shared by every client of the lineage that calls that origin, or the
 * per-developer budget of its API key, shared by those with the same key.
 */
public final class PacingKeys {

	private final RateLimitPacer.Key ip;

	private final RateLimitPacer.Key developer;

	/**
	 * Creates the keys of one client.
	 * @param baseUrl the client's base URL
	 * @param apiKey the client's API key, or {@code null}
	 */
	public PacingKeys(URI baseUrl, @Nullable String apiKey) {
		String origin = baseUrl.getScheme().toLowerCase(Locale.ROOT) + "://"
				+ String.valueOf(baseUrl.getHost()).toLowerCase(Locale.ROOT)
				+ ((baseUrl.getPort() != -1) ? ":" + baseUrl.getPort() : "");
		this.ip = new RateLimitPacer.Key(origin, RateLimitScope.IP, "");
		this.developer = new RateLimitPacer.Key(origin, RateLimitScope.DEVELOPER,
				(apiKey != null) ? digest(apiKey) : "");
	}

	/**
	 * The budget an operation spends.
	 * @param operation the operation
	 * @return its budget's key
	 */
	public RateLimitPacer.Key of(ScimOperation operation) {
		return (operation.rateLimitScope() == RateLimitScope.DEVELOPER) ? this.developer : this.ip;
	}

	/* Who the developer is, without holding the key itself once more. */
	private static String digest(String apiKey) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

}
