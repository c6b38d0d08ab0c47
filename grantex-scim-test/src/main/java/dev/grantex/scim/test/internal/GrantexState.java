package dev.grantex.scim.test.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.FakeScimToken;
import dev.grantex.scim.test.FakeScimUser;

/**
 * Everything the fake server remembers: developers by API key, SCIM tokens by secret, the
 * two rate limiters and the wire-format switches. Thread-safe; per-developer data is
 * guarded by each {@link DeveloperAccount}.
 */
public final class GrantexState {

	/** The real server's per-IP limit: 5,000 requests per minute. */
	public static final int DEFAULT_IP_LIMIT = 5000;

	/** The real server's free-plan limit: 100 requests per minute per developer. */
	public static final int DEFAULT_PLAN_LIMIT = 100;

	private final ConcurrentHashMap<String, DeveloperAccount> developersByApiKey = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, TokenRecord> tokensBySecret = new ConcurrentHashMap<>();

	private final RateLimiter ipLimiter = new RateLimiter(false, DEFAULT_IP_LIMIT, Duration.ofMinutes(1),
			System::currentTimeMillis);

	private final RateLimiter planLimiter = new RateLimiter(true, DEFAULT_PLAN_LIMIT, Duration.ofMinutes(1),
			System::currentTimeMillis);

	private volatile boolean emailsAsArray;

	/**
	 * Registers a developer.
	 * @return its new API key
	 */
	public String createDeveloper() {
		String apiKey = Ids.apiKey();
		this.developersByApiKey.put(apiKey, new DeveloperAccount(Ids.developerId(), apiKey));
		return apiKey;
	}

	/**
	 * Creates a SCIM token as {@code POST /v1/scim/tokens} would.
	 * @param apiKey the developer's API key
	 * @param label the token's label, not empty
	 * @return the token's secret
	 */
	public String createScimToken(String apiKey, String label) {
		if (label.isEmpty()) {
			throw new IllegalArgumentException("label is required (the server answers 400 for an empty label)");
		}
		try {
			return issueToken(developer(apiKey), label).secret;
		}
		catch (DatabaseError ex) {
			throw new IllegalArgumentException("The server would refuse this label (HTTP 500): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stores a user directly, active and without emails, as a minimal
	 * {@code POST /scim/v2/Users} would.
	 * @param apiKey the developer's API key
	 * @param userName the user name, not empty, not taken
	 * @return the stored user
	 */
	public FakeScimUser seedUser(String apiKey, String userName) {
		if (userName.isEmpty()) {
			throw new IllegalArgumentException("userName is required (the server answers 400 for an empty one)");
		}
		try {
			return developer(apiKey).createUser(new DeveloperAccount.UserWrite(userName, null, null, true, "[]"));
		}
		catch (DatabaseError ex) {
			throw new IllegalStateException("The server would refuse this user (HTTP 500): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stores many users directly, each as {@link #seedUser} would, all or none.
	 * @param apiKey the developer's API key
	 * @param userNames the user names, not empty, not taken, each once
	 * @return the stored users, in the order given
	 */
	public List<FakeScimUser> seedUsers(String apiKey, List<String> userNames) {
		for (String userName : userNames) {
			if (userName.isEmpty()) {
				throw new IllegalArgumentException("userName is required (the server answers 400 for an empty one)");
			}
		}
		try {
			return developer(apiKey).createUsers(userNames);
		}
		catch (DatabaseError ex) {
			throw new IllegalStateException("The server would refuse one of these users (HTTP 500): " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Stores {@code count} users named {@code user-<n>@example.com}, numbered on from the
	 * developer's previous call, all or none.
	 * @param apiKey the developer's API key
	 * @param count how many, zero or more
	 * @return the stored users, oldest first
	 */
	public List<FakeScimUser> seedUsers(String apiKey, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative: " + count);
		}
		try {
			return developer(apiKey).createNumberedUsers(count);
		}
		catch (DatabaseError ex) {
			throw new IllegalStateException("The server would refuse one of these users (HTTP 500): " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Deletes every user of the developer directly.
	 * @param apiKey the developer's API key
	 * @return the number of users deleted
	 */
	public int deleteUsers(String apiKey) {
		return developer(apiKey).deleteUsers();
	}

	/**
	 * The developer's users, oldest first.
	 * @param apiKey the developer's API key
	 * @return a snapshot
	 */
	public List<FakeScimUser> users(String apiKey) {
		return developer(apiKey).users();
	}

	/**
	 * The developer's tokens, revoked ones included, newest first.
	 * @param apiKey the developer's API key
	 * @return a snapshot
	 */
	public List<FakeScimToken> tokens(String apiKey) {
		return developer(apiKey).allTokensNewestFirst();
	}

	/**
	 * Reconfigures the per-IP limiter; every address starts a fresh window.
	 * @param requestsPerWindow the requests allowed per window
	 * @param window the window length
	 */
	public void ipRateLimit(int requestsPerWindow, Duration window) {
		this.ipLimiter.configure(requestsPerWindow, window);
	}

	/**
	 * Reconfigures the per-developer plan limiter; every developer starts a fresh window.
	 * @param requestsPerWindow the requests allowed per window
	 * @param window the window length
	 */
	public void planRateLimit(int requestsPerWindow, Duration window) {
		this.planLimiter.configure(requestsPerWindow, window);
	}

	/**
	 * Chooses how {@code emails} goes on the wire: a JSON string (the real server) or the
	 * JSON value itself.
	 * @param conformant {@code true} for the JSON value itself
	 */
	public void emailsAsArray(boolean conformant) {
		this.emailsAsArray = conformant;
	}

	boolean emailsAsArray() {
		return this.emailsAsArray;
	}

	/**
	 * The per-IP limit as configured now, for the {@code x-ratelimit-limit} of a scripted
	 * 429.
	 * @return the requests allowed per window
	 */
	int ipLimit() {
		return this.ipLimiter.limit();
	}

	RateLimiter ipLimiter() {
		return this.ipLimiter;
	}

	RateLimiter planLimiter() {
		return this.planLimiter;
	}

	@Nullable DeveloperAccount developerByApiKey(String apiKey) {
		return this.developersByApiKey.get(apiKey);
	}

	/**
	 * The owner of a live SCIM token.
	 * @param secret the token secret as sent
	 * @return the owner, or {@code null} for an unknown or revoked token
	 */
	@Nullable DeveloperAccount developerByScimToken(String secret) {
		TokenRecord token = this.tokensBySecret.get(secret);
		if (token == null || !token.owner.isLive(token)) {
			return null;
		}
		return token.owner;
	}

	/**
	 * Creates a token for the developer and makes its secret usable on {@code /scim/v2}.
	 * @param developer the owner
	 * @param label the label as the server stores it
	 * @return the new token
	 */
	TokenRecord issueToken(DeveloperAccount developer, String label) {
		TokenRecord token = developer.createToken(label);
		this.tokensBySecret.put(token.secret, token);
		return token;
	}

	/**
	 * Revokes a token of this developer, so its secret stops working at once.
	 * @param developer the developer revoking
	 * @param tokenId the token's id
	 * @return false when the developer has no live token with that id
	 */
	boolean revokeToken(DeveloperAccount developer, String tokenId) {
		TokenRecord revoked = developer.revokeToken(tokenId);
		if (revoked == null) {
			return false;
		}
		this.tokensBySecret.remove(revoked.secret);
		return true;
	}

	private DeveloperAccount developer(String apiKey) {
		DeveloperAccount developer = this.developersByApiKey.get(apiKey);
		if (developer == null) {
			throw new IllegalArgumentException(
					"No developer has the API key " + apiKey + "; use an API key returned by createDeveloper()");
		}
		return developer;
	}

}
