package dev.grantex.scim.autoconfigure;

import java.io.Serial;

/**
 * The HTTP client that {@code grantex.http.factory} (or
 * {@code spring.http.clients.imperative.factory}) names is not on the class path;
 * {@link GrantexScimHttpClientFailureAnalyzer} explains it.
 */
final class GrantexScimHttpClientMissingException extends IllegalStateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String property;

	private final String factory;

	private final String library;

	private final String artifact;

	GrantexScimHttpClientMissingException(String property, String factory, String library, String artifact) {
		super(property + " is " + factory + ", but " + library + " (" + artifact
				+ ") is not on the class path: add it, or choose another factory");
		this.property = property;
		this.factory = factory;
		this.library = library;
		this.artifact = artifact;
	}

	/* The property that chose the factory. */
	String property() {
		return this.property;
	}

	/* The factory chosen, as the property's value, e.g. {@code jetty}. */
	String factory() {
		return this.factory;
	}

	/* The library the factory needs, e.g. {@code Jetty's client}. */
	String library() {
		return this.library;
	}

	/* The library's Maven coordinates, e.g. {@code org.eclipse.jetty:jetty-client}. */
	String artifact() {
		return this.artifact;
	}

}
