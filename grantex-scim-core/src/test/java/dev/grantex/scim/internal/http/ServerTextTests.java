package dev.grantex.scim.internal.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one routine for server text: credentials removed whole and in part, control
 * characters escaped, the length capped after redacting.
 */
class ServerTextTests {

	private static final String API_KEY = "gx_test_0123456789abcdefghijklmnop";

	private static final String SCIM_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final ServerText serverText = new ServerText(API_KEY, null, SCIM_TOKEN);

	@Test
	void removesAWholeCredential() {
		assertThat(this.serverText.safe("Invalid token Bearer " + SCIM_TOKEN + " refused", 1000))
			.isEqualTo("Invalid token Bearer (redacted) refused");
	}

	@Test
	void removesEveryFragmentOfEightCharactersOrMore() {
		String fragment = API_KEY.substring(5, 13);
		assertThat(this.serverText.safe("key ..." + fragment + "... and " + API_KEY.substring(20), 1000))
			.isEqualTo("key ...(redacted)... and (redacted)");
	}

	@Test
	void keepsShorterCoincidences() {
		// seven characters of the key are not enough to tell it from ordinary text
		assertThat(this.serverText.safe("gx_test is a prefix", 1000)).isEqualTo("gx_test is a prefix");
	}

	@Test
	void capsAfterRedactingSoThatACutCannotLeaveAFragment() {
		String body = "x".repeat(4090) + SCIM_TOKEN;
		String safe = this.serverText.safeBody(body, 4096);
		assertThat(safe).isEqualTo("x".repeat(4090) + "(redac…");
		assertThat(safe).doesNotContain(SCIM_TOKEN.substring(0, 6));
	}

	@Test
	void escapesControlCharactersThatCouldForgeLogLines() {
		assertThat(this.serverText.safe("BAD\r\nINFO forged line\u0007\u001b[31m\u2028", 1000))
			.isEqualTo("BAD\\r\\nINFO forged line\\u0007\\u001b[31m\\u2028");
	}

	@Test
	void aBodyKeepsItsLineBreaksButNotOtherControls() {
		assertThat(this.serverText.safeBody("line one\nline two\t\u0000", 1000))
			.isEqualTo("line one\nline two\t\\u0000");
	}

	@Test
	void capsWithoutSplittingASurrogatePair() {
		assertThat(this.serverText.safe("ab\uD83D\uDE00cd", 3)).isEqualTo("ab…");
	}

	@Test
	void withoutCredentialsOnlyEscapesAndCaps() {
		assertThat(new ServerText().safe("plain " + SCIM_TOKEN, 10)).isEqualTo("plain 0123…");
		assertThat(this.serverText.safeOrNull(null, 10)).isNull();
	}

}
