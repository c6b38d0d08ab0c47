package dev.grantex.scim.autoconfigure;

import java.io.Serial;

/**
 * A {@code grantex.*} property holds a placeholder that nothing resolved, typically an
 * environment variable that is not set; {@link GrantexScimPlaceholderFailureAnalyzer}
 * explains it.
 */
final class GrantexScimUnresolvedPlaceholderException extends IllegalArgumentException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String property;

	private final String placeholder;

	GrantexScimUnresolvedPlaceholderException(String property, String placeholder) {
		super(property + " is set to the placeholder ${" + placeholder + "}, which nothing resolves: set " + placeholder
				+ " (an environment variable or a property), or remove " + property);
		this.property = property;
		this.placeholder = placeholder;
	}

	String property() {
		return this.property;
	}

	String placeholder() {
		return this.placeholder;
	}

}
