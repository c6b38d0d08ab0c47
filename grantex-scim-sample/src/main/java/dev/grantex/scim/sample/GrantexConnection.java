package dev.grantex.scim.sample;

import java.io.PrintStream;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails;
import dev.grantex.scim.autoconfigure.GrantexScimProperties;
import dev.grantex.scim.test.FakeGrantexAccount;

/**
 * Where the sample's Grantex is: the configured one, or else the {@link EmbeddedGrantex
 * embedded default}. As a {@link GrantexScimConnectionDetails} bean, it replaces the one
 * the auto-configuration would make from {@code grantex.*}, and the auto-configured
 * {@code ScimClient} is built from it.
 *
 * <p>
 * The choice is made when the bean is created, at run time: with {@code grantex.base-url}
 * (or {@code GRANTEX_BASE_URL}) set, the configured Grantex and credentials, as the
 * properties give them; without, a fake Grantex started in this process. The bean exists
 * either way, so the application's bean definitions are the same for both, and an
 * application built ahead of time (Spring AOT), whose bean definitions and conditions are
 * fixed at build time, still chooses when it starts.
 */
public final class GrantexConnection implements GrantexScimConnectionDetails, DisposableBean {

	private final GrantexScimConnectionDetails chosen;

	private final @Nullable EmbeddedGrantex embedded;

	private GrantexConnection(GrantexScimConnectionDetails chosen, @Nullable EmbeddedGrantex embedded) {
		this.chosen = chosen;
		this.embedded = embedded;
	}

	/**
	 * The configured Grantex, or else a fake one started now.
	 * @param environment to see whether a base URL is configured
	 * @param properties the configured Grantex
	 * @param out where to say that the fake was started
	 * @return the connection
	 */
	public static GrantexConnection configuredOrEmbedded(Environment environment, GrantexScimProperties properties,
			PrintStream out) {
		if (StringUtils.hasText(environment.getProperty("grantex.base-url"))) {
			return new GrantexConnection(properties.connectionDetails(), null);
		}
		EmbeddedGrantex embedded = EmbeddedGrantex.start();
		out.println("No grantex.base-url (GRANTEX_BASE_URL) set: started the fake Grantex in this process at "
				+ embedded.account().baseUrl() + ", created a SCIM token through its API, and gave it "
				+ embedded.seeded() + " users, as an earlier sync might have left them.");
		FakeGrantexAccount account = embedded.account();
		return new GrantexConnection(
				GrantexScimConnectionDetails.of(account.baseUrl(), account.apiKey(), account.scimToken()), embedded);
	}

	@Override
	public URI baseUrl() {
		return this.chosen.baseUrl();
	}

	@Override
	public @Nullable String apiKey() {
		return this.chosen.apiKey();
	}

	@Override
	public @Nullable String scimToken() {
		return this.chosen.scimToken();
	}

	/**
	 * The embedded fake, when no Grantex is configured.
	 * @return the fake, or {@code null} for a configured Grantex
	 */
	public @Nullable EmbeddedGrantex embedded() {
		return this.embedded;
	}

	/**
	 * Whether this is the embedded fake.
	 * @return {@code true} when no Grantex is configured
	 */
	public boolean isEmbedded() {
		return this.embedded != null;
	}

	/**
	 * Stops the embedded fake, if any, with the application.
	 */
	@Override
	public void destroy() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	@Override
	public String toString() {
		return "GrantexConnection[" + (isEmbedded() ? "embedded " : "") + baseUrl() + "]";
	}

}
