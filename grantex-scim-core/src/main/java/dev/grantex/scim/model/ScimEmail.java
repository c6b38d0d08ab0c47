package dev.grantex.scim.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One of a user's email addresses (the SCIM {@code emails} multi-valued attribute).
 *
 * @param value the address; empty if the server stored an email object without one
 * @param primary whether this is the user's primary address
 * @param type the SCIM type label, e.g. {@code work} or {@code home}, or {@code null}
 * @param display a display form of the address, or {@code null}
 */
public record ScimEmail(String value, boolean primary, @Nullable String type, @Nullable String display) {

	/**
	 * Creates an email, checking that the address is given.
	 * @param value the address
	 * @param primary whether it is the primary address
	 * @param type the type label, or {@code null}
	 * @param display a display form, or {@code null}
	 */
	public ScimEmail {
		Objects.requireNonNull(value, "value must not be null");
	}

	/**
	 * Creates an email without type or display form.
	 * @param value the address
	 * @param primary whether it is the primary address
	 */
	public ScimEmail(String value, boolean primary) {
		this(value, primary, null, null);
	}

	/**
	 * A primary email address of the given type.
	 * @param value the address
	 * @param type the type label, e.g. {@code work}
	 * @return the email
	 */
	public static ScimEmail primary(String value, String type) {
		return new ScimEmail(value, true, type, null);
	}

}
