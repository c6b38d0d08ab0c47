package dev.grantex.scim.model;

import org.jspecify.annotations.Nullable;

/**
 * The two credentials Grantex uses, each accepted on its own routes only.
 */
public enum ScimCredential {

	/**
	 * The developer API key ({@code gx_live_…} or {@code gx_test_…}), accepted only on
	 * {@code /v1/scim/tokens}.
	 */
	API_KEY("developer API key"),

	/**
	 * A SCIM token (64 hex characters, from {@code createToken}), accepted only on
	 * {@code /scim/v2}.
	 */
	SCIM_TOKEN("SCIM token");

	private final String displayName;

	ScimCredential(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * How messages name this credential.
	 * @return e.g. {@code SCIM token}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Checks a credential as it will be sent in an {@code Authorization} header: visible
	 * ASCII only (a copy-paste can bring a byte-order mark, a zero-width space or a
	 * typographic character that no HTTP client can send), with surrounding whitespace
	 * removed. The value is never part of the message.
	 * @param value the credential, or {@code null} for none
	 * @param setting how the user set it, for the message, e.g. {@code grantex.api-key}
	 * @return the credential without surrounding whitespace, or {@code null}
	 * @throws IllegalArgumentException if it is blank or holds any other character
	 */
	public @Nullable String check(@Nullable String value, String setting) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.isEmpty()) {
			throw new IllegalArgumentException(
					setting + " is set but blank; set it to the " + this.displayName + ", or leave it unset");
		}
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if (c <= ' ' || c > '~') {
				throw new IllegalArgumentException(setting + " holds a character that is not visible ASCII (at "
						+ "position " + (i + 1) + " of " + stripped.length() + ": " + describe(c) + "); "
						+ "check that the " + this.displayName + " was copied whole and alone");
			}
		}
		return stripped;
	}

	private static String describe(char c) {
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return "a space";
		}
		if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
			return "an invisible character, U+" + String.format("%04X", (int) c);
		}
		return "a non-ASCII character, U+" + String.format("%04X", (int) c);
	}

}
