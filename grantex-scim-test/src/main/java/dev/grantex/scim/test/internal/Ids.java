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
	 * The random bits come from one call to the generator, which keeps creating many
	 * users (seeding a hundred thousand) cheap.
	 * @return a new ULID
	 */
	static String ulid() {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = 0;
		for (int i = 0; i < 2; i++) {
			high = (high << 8) | (random[i] & 0xFF);
		}
		long low = 0;
		for (int i = 2; i < 10; i++) {
			low = (low << 8) | (random[i] & 0xFF);
		}
		return ulid(System.currentTimeMillis(), high, low);
	}

	/**
	 * A ULID with chosen parts, for generated documents whose ids must be distinct and
	 * stable (the same index always gives the same id).
	 * @param millis the time part
	 * @param low the last 64 of the 80 random bits, e.g. an index
	 * @return the ULID, 26 Crockford base32 characters
	 */
	static String ulid(long millis, long low) {
		return ulid(millis, 0, low);
	}

	private static String ulid(long millis, long high, long low) {
		char[] text = new char[26];
		long time = millis;
		for (int i = 9; i >= 0; i--) {
			text[i] = CROCKFORD[(int) (time & 31)];
			time >>>= 5;
		}
		// 80 bits, high's 16 then low's 64, five to a character from the end: twelve
		// characters take low's first 60 bits, the thirteenth its last 4 and high's
		// lowest
		long bits = low;
		for (int i = 25; i >= 14; i--) {
			text[i] = CROCKFORD[(int) (bits & 31)];
			bits >>>= 5;
		}
		text[13] = CROCKFORD[(int) ((bits & 15) | ((high & 1) << 4))];
		long rest = high >>> 1;
		for (int i = 12; i >= 10; i--) {
			text[i] = CROCKFORD[(int) (rest & 31)];
			rest >>>= 5;
		}
		return new String(text);
	}

}
