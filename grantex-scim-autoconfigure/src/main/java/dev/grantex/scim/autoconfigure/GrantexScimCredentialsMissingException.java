package dev.grantex.scim.autoconfigure;

import java.io.Serial;
import java.util.List;

/**
 * Neither {@code grantex.api-key} nor {@code grantex.scim.token} is set, so the
 * auto-configured client could not authenticate a single call;
 * {@link GrantexScimCredentialsFailureAnalyzer} explains what to add.
 */
final class GrantexScimCredentialsMissingException extends IllegalStateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String[] activeProfiles;

	GrantexScimCredentialsMissingException(List<String> activeProfiles) {
		super("No Grantex credential is configured: set grantex.api-key or grantex.scim.token "
				+ "(or the GRANTEX_API_KEY or GRANTEX_SCIM_TOKEN environment variable), or set grantex.enabled=false");
		this.activeProfiles = activeProfiles.toArray(String[]::new);
	}

	List<String> activeProfiles() {
		return List.of(this.activeProfiles);
	}

}
