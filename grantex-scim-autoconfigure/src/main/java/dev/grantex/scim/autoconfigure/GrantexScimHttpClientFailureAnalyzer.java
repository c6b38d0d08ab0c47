package dev.grantex.scim.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the HTTP client chosen for the Grantex client
 * is not on the class path, naming the property that chose it and what to do.
 */
class GrantexScimHttpClientFailureAnalyzer extends AbstractFailureAnalyzer<GrantexScimHttpClientMissingException> {

	private static final String NL = System.lineSeparator();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GrantexScimHttpClientMissingException cause) {
		String description = String.join(NL,
				"The Grantex SCIM client is to send its requests with " + cause.library() + ", since "
						+ cause.property() + " is " + cause.factory() + ",",
				"but " + cause.library() + " (" + cause.artifact() + ") is not on the class path.");
		String alternatives = "http-components".equals(cause.factory()) ? "jdk (the JDK's HttpClient)"
				: "http-components (Apache HttpClient 5, which the starter brings) or jdk (the JDK's HttpClient)";
		String choice = "grantex.http.factory".equals(cause.property()) ? "set grantex.http.factory"
				: "set grantex.http.factory (for the Grantex client alone)";
		String action = String.join(NL, "Add " + cause.artifact() + " to the application's dependencies,",
				"or " + choice + " to an HTTP client the application has: " + alternatives + ",",
				"or remove " + cause.property() + " to use the default.");
		return new FailureAnalysis(description, action, cause);
	}

}
