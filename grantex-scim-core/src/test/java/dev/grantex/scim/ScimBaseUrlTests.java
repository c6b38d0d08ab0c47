package dev.grantex.scim;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules for a base URL, which the builder and the Spring Boot properties share, and
 * that a rejected URL is never echoed with a secret.
 */
class ScimBaseUrlTests {

	@Test
	void keepsAPathPrefixAndDropsTrailingSlashes() {
		assertThat(ScimBaseUrl.check(" https://grantex.example/api// ", "baseUrl"))
			.isEqualTo(URI.create("https://grantex.example/api"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					ftp://grantex.example             | baseUrl must be an absolute http or https URL, such as https://api.grantex.dev; its scheme was 'ftp'
					grantex.example                   | baseUrl must be an absolute http or https URL, such as https://api.grantex.dev
					https://:443                      | baseUrl has no valid host name, such as api.grantex.dev
					https://grantex.example/a?b=c     | baseUrl must not have a query or fragment (?… or #…): https://grantex.example/a is the part that may stay
					https://grantex.example/a#top     | baseUrl must not have a query or fragment (?… or #…): https://grantex.example/a is the part that may stay
					'https://[oops'                   | baseUrl is not a valid URL (Expected closing bracket for IPv6 address at character 14); set it to the Grantex API's URL, e.g. https://api.grantex.dev
					""")
	void refusesWhatCannotBeGrantexSayingWhatToSet(String url, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> ScimBaseUrl.check(url, "baseUrl")).withMessage(message);
	}

	@Test
	void refusesAnEmptyUrlRatherThanFallingBackToProduction() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScimBaseUrl.check("", "grantex.base-url"))
			.withMessage("grantex.base-url is set but empty; set it to the Grantex API's URL, e.g. "
					+ "https://api.grantex.dev, or leave it unset for that one");
		assertThatIllegalArgumentException().isThrownBy(() -> ScimBaseUrl.check(URI.create(""), "grantex.base-url"))
			.withMessageStartingWith("grantex.base-url is set but empty");
	}

	@Test
	void neverEchoesUserInformationOrAQuery() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScimBaseUrl.check("https://admin:hunter2@grantex.example", "baseUrl"))
			.withMessageNotContaining("hunter2")
			.withMessageContaining("must not contain user information");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ScimBaseUrl.check("https://grantex.example/?token=hunter2", "baseUrl"))
			.withMessageNotContaining("hunter2");
		assertThat(ScimBaseUrl.describe(URI.create("https://admin:hunter2@grantex.example:8443/api?t=hunter2")))
			.isEqualTo("https://grantex.example:8443/api");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:3001", "http://127.0.0.1:8080", "http://[::1]:8080",
			"http://grantex.localhost", "https://api.grantex.dev", "https://10.0.0.5" })
	void cleartextToThisMachineOrTlsAnywhereIsFine(String url) {
		assertThat(ScimBaseUrl.isCleartextToAnotherHost(URI.create(url))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.grantex.dev", "http://10.0.0.5", "http://[2001:db8::1]" })
	void cleartextToAnotherHostIsRecognised(String url) {
		assertThat(ScimBaseUrl.isCleartextToAnotherHost(URI.create(url))).isTrue();
	}

}
