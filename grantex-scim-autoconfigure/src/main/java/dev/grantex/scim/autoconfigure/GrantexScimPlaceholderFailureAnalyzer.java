package dev.grantex.scim.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a start-up that failed because a {@code grantex.*} property is a placeholder
 * nothing resolved, such as {@code ${GRANTEX_API_KEY}} with the variable unset, naming
 * the variable and the property. Ordered first, ahead of Spring Boot's generic analysis
 * of the bind failure that holds it, whatever the order of the jars on the class path.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class GrantexScimPlaceholderFailureAnalyzer extends AbstractFailureAnalyzer<GrantexScimUnresolvedPlaceholderException> {

	private static final String NL = System.lineSeparator();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GrantexScimUnresolvedPlaceholderException cause) {
		String description = String.join(NL,
				"The property " + cause.property() + " is set to ${" + cause.placeholder() + "}, and nothing resolves "
						+ cause.placeholder() + ":",
				"it is neither an environment variable of this process nor a property of the application.", "",
				"Spring Boot would otherwise have passed the text \"${" + cause.placeholder() + "}\" to Grantex as "
						+ "the value.");
		String action = String.join(NL, "Set " + cause.placeholder() + " where the application runs, for example:", "",
				"    export " + cause.placeholder() + "=...", "",
				"or give " + cause.property() + " a value of its own, or remove it.");
		return new FailureAnalysis(description, action, cause);
	}

}
