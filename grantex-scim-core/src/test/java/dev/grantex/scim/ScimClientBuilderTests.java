package dev.grantex.scim;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the builder refuses, and that its messages say what to change without echoing a
 * credential.
 */
class ScimClientBuilderTests {

	@Test
	void refusesABaseUrlThatIsNotHttpOrHttps() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("ftp://api.grantex.dev"))
			.withMessageContaining("absolute http or https URL");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("api.grantex.dev"))
			.withMessageContaining("absolute http or https URL");
	}

	@Test
	void refusesAnUnparseableBaseUrl() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("https://api grantex.dev"))
			.withMessageStartingWith("baseUrl is not a valid URL");
	}

	@Test
	void refusesUserInfoQueryAndFragmentInTheBaseUrl() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("https://me:secret@api.grantex.dev"))
			.withMessageContaining("user information")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().baseUrl("https://api.grantex.dev/?x=1"))
			.withMessageContaining("query or fragment");
	}

	@Test
	void acceptsAPathPrefixAndATrailingSlash() {
		assertThatNoException().isThrownBy(() -> ScimClient.builder().baseUrl("http://127.0.0.1:3001/").build());
		assertThatNoException().isThrownBy(() -> ScimClient.builder().baseUrl("https://proxy.example/grantex").build());
	}

	@Test
	void refusesBlankCredentialsAndCredentialsWithWhitespaceWithoutEchoingThem() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ScimClient.builder().apiKey("  "))
			.withMessage("apiKey is set but blank; set it to the developer API key, or leave it unset");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().scimToken("abc def-secret"))
			.withMessage("scimToken holds a character that is not visible ASCII (at position 4 of 14: a space); "
					+ "check that the SCIM token was copied whole and alone");
	}

	@Test
	void acceptsACredentialWithSurroundingWhitespaceAsFromAnEnvironmentFile() {
		assertThatNoException().isThrownBy(() -> ScimClient.builder().scimToken("abcdef\n").build());
	}

	@Test
	void refusesNonPositiveTimeouts() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().readTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("readTimeout must be positive");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ScimClient.builder().connectTimeout(Duration.ZERO))
			.withMessageContaining("connectTimeout must be positive");
	}

}
