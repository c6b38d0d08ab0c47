package dev.grantex.scim.test.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Identifiers and secrets in the real server's formats: prefixed 26-character ULIDs
 * (Crockford base32, time-ordered), 64-hex-character SCIM token secrets, {@code gx_test_}
 * API keys.
 */
final class Ids {

	private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final char[] KEY_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	static String scimUserId() {
		return "scimuser_" + ulid();
	}

	static String scimTokenId() {
		return "scimtok_" + ulid();
	}

	static String developerId() {
		return "dev_" + ulid();
	}

	static String scimTokenSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String apiKey() {
		StringBuilder key = new StringBuilder("gx_test_");
		for (int i = 0; i < 32; i++) {
			key.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
		}
		return key.toString();
	}

	/**
	 * 48 bits of millisecond time then 80 random bits, as 26 Crockford base32 characters.
	 * @return a new ULID
	 */
	static String ulid() {
		char[] text = new char[26];
		long time = System.currentTimeMillis();
		for (int i = 9; i >= 0; i--) {
			text[i] = CROCKFORD[(int) (time & 31)];
			time >>>= 5;
		}
		for (int i = 10; i < 26; i++) {
			text[i] = CROCKFORD[RANDOM.nextInt(32)];
		}
		return new String(text);
	}

}
