package dev.grantex.scim.docs.wiring;

/**
 * Where an application keeps its secrets: stands for a secrets manager or a vault in the
 * README's example of {@code GrantexScimConnectionDetails}.
 */
@FunctionalInterface
public interface SecretStore {

	/**
	 * Reads a secret.
	 * @param name the secret's name
	 * @return its value
	 */
	String secret(String name);

}
