package dev.grantex.scim.test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A developer account on a {@link FakeGrantexServer} together with one SCIM token: the
 * base URL and the two credentials a client needs, and shortcuts to what the server holds
 * for this developer. Immutable.
 *
 * <p>
 * {@code @GrantexScimFake} (JUnit Jupiter) and {@code @AutoConfigureGrantexScimFake}
 * (Spring tests) hand one out ready-made; elsewhere, create one with
 * {@link #create(FakeGrantexServer, String)}:
 *
 * <pre>{@code
 * try (FakeGrantexServer grantex = FakeGrantexServer.start()) {
 *     FakeGrantexAccount account = FakeGrantexAccount.create(grantex, "tests");
 *     ScimClient scim = ScimClient.builder()
 *         .baseUrl(account.baseUrl())
 *         .apiKey(account.apiKey())
 *         .scimToken(account.scimToken())
 *         .build();
 *     // ...
 *     assertThat(account.users()).extracting(FakeScimUser::userName).containsExactly("alice");
 * }
 * }</pre>
 */
public final class FakeGrantexAccount {

	private final FakeGrantexServer server;

	private final String apiKey;

	private final String scimToken;

	private FakeGrantexAccount(FakeGrantexServer server, String apiKey, String scimToken) {
		this.server = server;
		this.apiKey = apiKey;
		this.scimToken = scimToken;
	}

	/**
	 * Registers a new developer on the server and creates a SCIM token for it directly in
	 * the store, as {@link FakeGrantexServer#createDeveloper()} and
	 * {@link FakeGrantexServer#createScimToken(String, String)} do: no request is made,
	 * so nothing is recorded or counted against a rate limit.
	 * @param server a running server
	 * @param tokenLabel the SCIM token's label, not empty
	 * @return the account, with no users yet
	 * @throws IllegalArgumentException for an empty label
	 */
	public static FakeGrantexAccount create(FakeGrantexServer server, String tokenLabel) {
		Objects.requireNonNull(server, "server");
		String apiKey = server.createDeveloper();
		return new FakeGrantexAccount(server, apiKey, server.createScimToken(apiKey, tokenLabel));
	}

	/**
	 * The account of a developer and a SCIM token that already exist on the server, such
	 * as a token created through the API ({@code POST /v1/scim/tokens}) as a user would
	 * create it.
	 * @param server a running server
	 * @param apiKey the developer's API key
	 * @param scimToken the secret of one of the developer's SCIM tokens
	 * @return the account
	 */
	public static FakeGrantexAccount of(FakeGrantexServer server, String apiKey, String scimToken) {
		return new FakeGrantexAccount(Objects.requireNonNull(server, "server"),
				Objects.requireNonNull(apiKey, "apiKey"), Objects.requireNonNull(scimToken, "scimToken"));
	}

	/**
	 * The server this account lives on, for scripting faults and reading recorded
	 * requests.
	 * @return the server
	 */
	public FakeGrantexServer server() {
		return this.server;
	}

	/**
	 * The server's base URL, to configure a client with.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * The developer API key, which authenticates {@code /v1/scim/tokens} and names the
	 * developer in the server's inspection methods.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * The SCIM token, which authenticates {@code /scim/v2/Users}.
	 * @return the token secret
	 */
	public String scimToken() {
		return this.scimToken;
	}

	/**
	 * The developer's users as stored; see {@link FakeGrantexServer#users(String)}.
	 * @return a snapshot, oldest first
	 */
	public List<FakeScimUser> users() {
		return this.server.users(this.apiKey);
	}

	/**
	 * The developer's SCIM tokens, this account's own included; see
	 * {@link FakeGrantexServer#tokens(String)}.
	 * @return a snapshot, newest first
	 */
	public List<FakeScimToken> tokens() {
		return this.server.tokens(this.apiKey);
	}

	/**
	 * Stores a user for this developer without a request; see
	 * {@link FakeGrantexServer#seedUser(String, String)}.
	 * @param userName the user name, not empty, not yet taken
	 * @return the stored user
	 */
	public FakeScimUser seedUser(String userName) {
		return this.server.seedUser(this.apiKey, userName);
	}

	/**
	 * Stores {@code count} users for this developer without requests, named
	 * {@code user-1@example.com} and on; see
	 * {@link FakeGrantexServer#seedUsers(String, int)}.
	 * @param count how many users, zero or more
	 * @return the stored users, oldest first
	 */
	public List<FakeScimUser> seedUsers(int count) {
		return this.server.seedUsers(this.apiKey, count);
	}

	/**
	 * Stores users with these user names for this developer without requests; see
	 * {@link FakeGrantexServer#seedUsers(String, List)}.
	 * @param userNames the user names, each not empty, not taken and given once
	 * @return the stored users, in the order given
	 */
	public List<FakeScimUser> seedUsers(List<String> userNames) {
		return this.server.seedUsers(this.apiKey, userNames);
	}

	/**
	 * The Spring Boot properties that point the Grantex SCIM starter at this account:
	 * {@code grantex.base-url}, {@code grantex.api-key} and {@code grantex.scim.token}.
	 * @return the properties, in that order
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("grantex.base-url", baseUrl().toString());
		properties.put("grantex.api-key", this.apiKey);
		properties.put("grantex.scim.token", this.scimToken);
		return properties;
	}

	/**
	 * Names the server and the start of the API key; the SCIM token is not shown.
	 * @return a description
	 */
	@Override
	public String toString() {
		String keyStart = this.apiKey.substring(0, Math.min(12, this.apiKey.length()));
		return "FakeGrantexAccount[" + baseUrl() + ", api key " + keyStart + "…]";
	}

}
