package dev.grantex.scim.internal.http;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimErrorResponse;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.model.ScimCredential;

/**
 * What to say when a credential is missing or refused: which one, on which route, and how
 * to set the right one. Grantex accepts the API key only on {@code /v1/scim/tokens} and a
 * SCIM token only on {@code /scim/v2}; its own SDKs send the API key everywhere.
 */
final class CredentialMessages {

	private final SettingNames settings;

	private final String baseUrl;

	CredentialMessages(SettingNames settings, String baseUrl) {
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	ScimApiException refused(ScimOperation operation, int status, ScimErrorResponse response, String said,
			@Nullable ScimCredential sent) {
		String request = operation.describe();
		ScimCredential needed = (operation.credential() != null) ? operation.credential() : ScimCredential.SCIM_TOKEN;
		ScimCredential refused = (sent != null) ? sent : needed;
		String verb = (status == 403) ? "denied" : "refused";
		String message;
		if (needed == ScimCredential.SCIM_TOKEN && response.scimType() == null && response.code() != null) {
			// Grantex checks API keys on every path outside /scim/v2, unknown ones
			// included:
			// a Grantex-shaped 401 to a SCIM request means it never reached the SCIM
			// routes
			message = "Grantex answered " + request + " with the 401 of its API-key routes (" + said + "), not "
					+ "the SCIM one: the request did not reach the SCIM routes. Check that the base URL " + this.baseUrl
					+ " (" + this.settings.baseUrl() + ") is the Grantex root, without a path such as /scim/v2.";
		}
		else if (sent == null) {
			message = "Grantex " + verb + " " + request + " without a credential (" + said + ").";
		}
		else if (sent != needed) {
			message = "Grantex " + verb + " the " + sent.displayName() + " on " + request + " (" + said + "). "
					+ "This route accepts only a " + needed.displayName() + ": set it with " + setting(needed)
					+ ((needed == ScimCredential.SCIM_TOKEN) ? "; createToken(label) makes one with the API key."
							: ".");
		}
		else if (sent == ScimCredential.SCIM_TOKEN) {
			message = "Grantex " + verb + " the SCIM token on " + request + " (" + said + "): it is unknown or has "
					+ "been revoked. Set a valid one with " + setting(sent)
					+ "; createToken(label) makes a new one with the API key.";
		}
		else {
			message = "Grantex " + verb + " the developer API key on " + request + " (" + said + "). Check the key "
					+ "set with " + setting(sent) + "; a SCIM token is not accepted on this route.";
		}
		return new ScimAuthenticationException(message, response, refused);
	}

	ScimMissingCredentialException missing(ScimOperation operation, ScimCredential credential) {
		String message = (credential == ScimCredential.API_KEY)
				? operation.describe() + " needs the developer API key, and none is configured: set it with "
						+ setting(credential) + "."
				: operation.describe() + " needs a SCIM token, and neither a SCIM token nor an API key is "
						+ "configured: set the token with " + setting(credential) + ". createToken(label) makes one "
						+ "with the API key (" + setting(ScimCredential.API_KEY) + ").";
		return new ScimMissingCredentialException(message, credential);
	}

	private String setting(ScimCredential credential) {
		return (credential == ScimCredential.API_KEY) ? this.settings.apiKey() : this.settings.scimToken();
	}

}
