package dev.grantex.scim.autoconfigure.failure;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees printed when {@link ProvisioningApplication}, whose {@link Onboarding}
 * service has the {@code ScimClient} injected, fails to start: a real
 * {@link SpringApplication}, its failure analyzers found through
 * {@code META-INF/spring.factories} and the auto-configuration through its imports, as in
 * an application. No environment variable of the machine running the tests takes part.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysesTests {

	private static final String FAILED = "APPLICATION FAILED TO START";

	@Test
	void noCredentialIsExplainedWithWhatToAdd(CapturedOutput output) {
		run("--grantex.base-url=https://grantex.example");

		assertThat(output).contains(FAILED)
			.contains(String.join(System.lineSeparator(), "Description:", "",
					"The Grantex SCIM client has no credential to call Grantex with."))
			.contains("    grantex.api-key      the developer API key, to manage SCIM tokens (/v1/scim/tokens)")
			.contains("    grantex.scim.token   a SCIM token, to provision users (/scim/v2/Users)")
			.contains(String.join(System.lineSeparator(), "Action:", "",
					"Set at least one of them, for example in application.yml:"))
			.contains("    GRANTEX_API_KEY=gx_test_...")
			.contains("(no profiles are currently active)")
			.contains("If this application should not call Grantex, set grantex.enabled=false.");
	}

	@Test
	void anUnresolvedPlaceholderNamesTheVariableAndTheProperty(CapturedOutput output) {
		run("--spring.config.location=classpath:failure/placeholder.yml");

		assertThat(output).contains(FAILED)
			.contains("The property grantex.api-key is set to ${GRANTEX_API_KEY}, and nothing resolves "
					+ "GRANTEX_API_KEY:")
			.contains("it is neither an environment variable of this process nor a property of the application.")
			.contains("Set GRANTEX_API_KEY where the application runs, for example:")
			.contains("    export GRANTEX_API_KEY=...")
			.contains("or give grantex.api-key a value of its own, or remove it.")
			.doesNotContain("Update your application's configuration");
	}

	@Test
	void anUnresolvedPlaceholderIsExplainedWhateverTheOrderOfTheJars(CapturedOutput output) {
		// Spring Boot's own analysis of a bind failure would otherwise come first when
		// its
		// jar's spring.factories is read before the starter's
		run(new ReversedFactoriesClassLoader(getClass().getClassLoader()),
				"--spring.config.location=classpath:failure/placeholder.yml");

		assertThat(output).contains(FAILED)
			.contains("The property grantex.api-key is set to ${GRANTEX_API_KEY}, and nothing resolves "
					+ "GRANTEX_API_KEY:")
			.doesNotContain("Failed to bind properties under 'grantex'");
	}

	@Test
	void anEmptyBaseUrlFailsRatherThanCallTheHostedGrantex(CapturedOutput output) {
		run("--grantex.api-key=gx_test_emptyBaseUrl", "--grantex.base-url=");

		assertThat(output).contains(FAILED)
			.contains("Failed to bind properties under 'grantex'")
			.contains("grantex.base-url is set but empty; set it to the Grantex API's URL, e.g. "
					+ "https://api.grantex.dev, or leave it unset for that one")
			.doesNotContain("Started ");
	}

	@Test
	void aCredentialWithAnInvisibleCharacterIsNamedNotShown(CapturedOutput output) {
		run("--grantex.api-key=\uFEFFgx_test_bomPrefixedKey");

		assertThat(output).contains(FAILED)
			.contains("grantex.api-key holds a character that is not visible ASCII (at position 1 of 23: an "
					+ "invisible character, U+FEFF); check that the developer API key was copied whole and alone")
			.doesNotContain("bomPrefixedKey");
	}

	@Test
	void aCredentialWithANonAsciiCharacterIsNamedNotShown(CapturedOutput output) {
		run("--grantex.scim.token=7f3a\u20ACb9c0d1e2f3a4b5c6d7e8f9");

		assertThat(output).contains(FAILED)
			.contains("grantex.scim.token holds a character that is not visible ASCII (at position 5 of 27: a "
					+ "non-ASCII character, U+20AC); check that the SCIM token was copied whole and alone")
			.doesNotContain("7f3a")
			.doesNotContain("b9c0d1e2f3a4b5c6d7e8f9")
			.doesNotContain("\u20AC");
	}

	@Test
	void aBaseUrlWithUserInformationIsRefusedWithoutShowingThePassword(CapturedOutput output) {
		run("--grantex.api-key=gx_test_userInfo", "--grantex.base-url=https://provisioner:hunter2@grantex.example");

		assertThat(output).contains(FAILED)
			.contains("grantex.base-url must not contain user information (user:password@); configure the API key "
					+ "and SCIM token as credentials instead")
			.doesNotContain("hunter2")
			.doesNotContain("provisioner");
	}

	@Test
	void aBaseUrlWithASecretInItsQueryIsRefusedWithoutShowingTheQuery(CapturedOutput output) {
		run("--grantex.api-key=gx_test_query", "--grantex.base-url=https://grantex.example/?access_token=s3cr3t");

		assertThat(output).contains(FAILED)
			.contains("grantex.base-url must not have a query or fragment (?… or #…): https://grantex.example/ is "
					+ "the part that may stay")
			.doesNotContain("s3cr3t")
			.doesNotContain("access_token");
	}

	@Test
	void anInvalidRetrySettingNamesTheProperty(CapturedOutput output) {
		run("--grantex.api-key=gx_test_retry", "--grantex.retry.max-attempts=0");

		assertThat(output).contains(FAILED)
			.contains("Failed to bind properties under 'grantex.retry'")
			.contains("grantex.retry.max-attempts must be at least 1 (the first attempt), was 0")
			.doesNotContain("maxAttempts");
	}

	@Test
	void anHttpClientThatIsNotOnTheClassPathIsNamedWithItsProperty(CapturedOutput output) {
		run(new FilteredClassLoader("org.eclipse.jetty.client"), "--grantex.api-key=gx_test_jetty",
				"--grantex.http.factory=jetty");

		assertThat(output).contains(FAILED)
			.contains(String.join(System.lineSeparator(), "Description:", "",
					"The Grantex SCIM client is to send its requests with Jetty's client, since "
							+ "grantex.http.factory is jetty,",
					"but Jetty's client (org.eclipse.jetty:jetty-client) is not on the class path."))
			.contains(String.join(System.lineSeparator(), "Action:", "",
					"Add org.eclipse.jetty:jetty-client to the application's dependencies,",
					"or set grantex.http.factory to an HTTP client the application has: http-components (Apache "
							+ "HttpClient 5, which the starter brings) or jdk (the JDK's HttpClient),",
					"or remove grantex.http.factory to use the default."));
	}

	@Test
	void anHttpClientChosenForEveryClientIsNamedWithSpringsProperty(CapturedOutput output) {
		run(new FilteredClassLoader("org.eclipse.jetty.client"), "--grantex.api-key=gx_test_jetty",
				"--spring.http.clients.imperative.factory=jetty");

		assertThat(output).contains(FAILED)
			.contains("since spring.http.clients.imperative.factory is jetty,")
			.contains("or set grantex.http.factory (for the Grantex client alone) to an HTTP client the "
					+ "application has")
			.contains("or remove spring.http.clients.imperative.factory to use the default.");
	}

	@Test
	void apacheHttpClientChosenButLeftOutOfTheApplicationIsNamed(CapturedOutput output) {
		run(new FilteredClassLoader("org.apache.hc.client5"), "--grantex.api-key=gx_test_noApache",
				"--grantex.http.factory=http-components");

		assertThat(output).contains(FAILED)
			.contains("The Grantex SCIM client is to send its requests with Apache HttpClient 5, since "
					+ "grantex.http.factory is http-components,")
			.contains("but Apache HttpClient 5 (org.apache.httpcomponents.client5:httpclient5) is not on the class "
					+ "path.")
			.contains("or set grantex.http.factory to an HTTP client the application has: jdk (the JDK's "
					+ "HttpClient),");
	}

	private static void run(String... args) {
		run(null, args);
	}

	private static void run(ClassLoader classLoader, String... args) {
		SpringApplication application = (classLoader != null)
				? new SpringApplication(new DefaultResourceLoader(classLoader), ProvisioningApplication.class)
				: new SpringApplication(ProvisioningApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// the machine's environment variables must not supply a credential to this test
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		application.setEnvironment(environment);
		assertThatException().isThrownBy(() -> application.run(args));
	}

	/**
	 * Reads the {@code spring.factories} files in the reverse of the class path's order.
	 */
	static final class ReversedFactoriesClassLoader extends ClassLoader {

		ReversedFactoriesClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			Enumeration<URL> resources = super.getResources(name);
			if (!SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION.equals(name)) {
				return resources;
			}
			List<URL> reversed = new ArrayList<>(Collections.list(resources));
			Collections.reverse(reversed);
			return Collections.enumeration(reversed);
		}

	}

}
