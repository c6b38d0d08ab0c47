package dev.grantex.scim.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.aot.AotDetector;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because no Grantex credential is configured, and what
 * to add, the way Spring Boot explains a missing DataSource URL.
 */
class GrantexScimCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<GrantexScimCredentialsMissingException> {

	private static final String NL = System.lineSeparator();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GrantexScimCredentialsMissingException cause) {
		return new FailureAnalysis(description(), action(cause.activeProfiles()), cause);
	}

	private static String description() {
		return String.join(NL, "The Grantex SCIM client has no credential to call Grantex with.", "",
				"Neither of these properties is set in any property source:", "",
				"    grantex.api-key      the developer API key, to manage SCIM tokens (/v1/scim/tokens)",
				"    grantex.scim.token   a SCIM token, to provision users (/scim/v2/Users)");
	}

	private static String action(List<String> activeProfiles) {
		return String.join(NL, "Set at least one of them, for example in application.yml:", "", "    grantex:",
				"      api-key: gx_test_...    # the developer API key", "      scim:",
				"        token: 3f9a...        # a SCIM token (64 hex characters) created with the API key", "",
				"or, to keep them out of files, in the environment, which Spring Boot binds to the same properties:",
				"", "    GRANTEX_API_KEY=gx_test_...", "    GRANTEX_SCIM_TOKEN=3f9a...", "",
				"The API key alone can create SCIM tokens; provisioning users needs the SCIM token.",
				"If you keep these settings in a profile-specific file, you may need to activate that profile "
						+ profiles(activeProfiles) + ".",
				"If this application builds its clients per Grantex account from the ScimClient.Builder bean, do not "
						+ "inject the ScimClient bean, which needs a credential of its own.",
				disableHint());
	}

	/*
	 * How to turn the client off: a property, unless the application was built with
	 * Spring AOT, which fixed the conditions of every bean when it was built.
	 */
	static String disableHint() {
		if (AotDetector.useGeneratedArtifacts()) {
			return "If this application should not call Grantex, rebuild it with grantex.enabled=false: it runs "
					+ "with Spring AOT, which fixed at build time which beans exist, so setting the property now "
					+ "changes nothing.";
		}
		return "If this application should not call Grantex, set grantex.enabled=false.";
	}

	private static String profiles(List<String> activeProfiles) {
		if (activeProfiles.isEmpty()) {
			return "(no profiles are currently active)";
		}
		String names = activeProfiles.stream().map((name) -> "\"" + name + "\"").collect(Collectors.joining(", "));
		return (activeProfiles.size() == 1) ? "(the profile " + names + " is currently active)"
				: "(the profiles " + names + " are currently active)";
	}

}
