package dev.grantex.scim.sample;

import java.util.List;

import org.springframework.core.io.ClassPathResource;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;

/**
 * The embedded default: the fake Grantex server from {@code grantex-scim-test}, started
 * in this process and set up as a user sets up Grantex, so that the sample runs with
 * nothing else installed.
 *
 * <p>
 * It gets a developer account (whose API key signing up would give), then a SCIM token
 * created through the API with that key ({@code POST /v1/scim/tokens}), then the users an
 * earlier sync might have left ({@value #SEED_FILE}), created through the API too, so
 * that the first plan has something of every kind to do. {@link GrantexConnection}
 * decides whether to start it.
 */
public final class EmbeddedGrantex implements AutoCloseable {

	/**
	 * The users the embedded fake starts with.
	 */
	static final String SEED_FILE = "embedded-grantex-users.csv";

	/**
	 * The label of the SCIM token created on the fake.
	 */
	static final String TOKEN_LABEL = "directory-sync";

	private final FakeGrantexAccount account;

	private final int seeded;

	private EmbeddedGrantex(FakeGrantexAccount account, int seeded) {
		this.account = account;
		this.seeded = seeded;
	}

	/**
	 * Starts the fake and sets it up.
	 * @return the running fake; close it when done
	 */
	public static EmbeddedGrantex start() {
		FakeGrantexServer server = FakeGrantexServer.start();
		try {
			String baseUrl = server.baseUrl().toString();
			String apiKey = server.createDeveloper();
			ScimTokenWithSecret token;
			try (ScimClient tokens = ScimClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
				token = tokens.createToken(TOKEN_LABEL);
			}
			List<DirectoryUser> seeds = DirectoryFile.read(new ClassPathResource(SEED_FILE));
			try (ScimClient users = ScimClient.builder().baseUrl(baseUrl).scimToken(token.token()).build()) {
				seeds.forEach((user) -> users.createUser(user.toParams()));
			}
			return new EmbeddedGrantex(FakeGrantexAccount.of(server, apiKey, token.token()), seeds.size());
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * The account set up on the fake: its server, base URL, API key and the SCIM token
	 * created through the API.
	 * @return the account
	 */
	public FakeGrantexAccount account() {
		return this.account;
	}

	/**
	 * How many users the fake started with.
	 * @return the number of users from {@value #SEED_FILE}
	 */
	public int seeded() {
		return this.seeded;
	}

	/**
	 * Stops the fake.
	 */
	@Override
	public void close() {
		this.account.server().close();
	}

	@Override
	public String toString() {
		return "EmbeddedGrantex[" + this.account.server() + "]";
	}

}
