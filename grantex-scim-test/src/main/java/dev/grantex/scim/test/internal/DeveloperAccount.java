package dev.grantex.scim.test.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.FakeScimToken;
import dev.grantex.scim.test.FakeScimUser;

/**
 * One developer (tenant) with its users and SCIM tokens. Every method holds this object's
 * lock, so each operation is atomic, like the single SQL statement the real server runs
 * for it; tenants never share state.
 *
 * <p>
 * Users are indexed as the real server's table is: by id and by {@code userName} (the
 * unique index) in hash maps, and in creation order in a {@link CreationOrder}, so that
 * creating, reading, replacing and deleting a user and reading any page cost the same
 * with a hundred thousand users as with ten.
 */
final class DeveloperAccount {

	/**
	 * Longest {@code userName} in UTF-8 bytes; a longer one overflows the real server's
	 * {@code (developer_id, user_name)} B-tree index entry (PostgreSQL allows about 2.7
	 * kB) and fails.
	 */
	static final int MAX_USER_NAME_BYTES = 2600;

	final String id;

	final String apiKey;

	private final Map<String, UserRecord> usersById = new HashMap<>();

	private final Map<String, UserRecord> usersByUserName = new HashMap<>();

	private final CreationOrder usersInOrder = new CreationOrder();

	private final List<TokenRecord> tokens = new ArrayList<>();

	private long nextSequence;

	/** The last number {@link #createNumberedUsers} gave a user name. */
	private long lastNumberedUser;

	DeveloperAccount(String id, String apiKey) {
		this.id = id;
		this.apiKey = apiKey;
	}

	synchronized FakeScimUser createUser(UserWrite write) {
		Row row = Row.of(write);
		requireUniqueUserName(row.userName(), null);
		return store(row.userName(), row.displayName(), row.externalId(), row.active(), write.emailsJson()).snapshot();
	}

	/**
	 * Stores users that hold only a {@code userName}, as {@code POST /scim/v2/Users}
	 * would one by one, in one step: all of them or, when one would be refused, none.
	 * @param userNames the user names, in creation order
	 * @return the stored users
	 * @throws DatabaseError when a user name is taken, given twice, too long or not
	 * storable text
	 */
	synchronized List<FakeScimUser> createUsers(List<String> userNames) {
		List<String> stored = new ArrayList<>(userNames.size());
		Set<String> seen = new HashSet<>();
		for (String userName : userNames) {
			String name = storedUserName(userName);
			requireUniqueUserName(name, null);
			if (!seen.add(name)) {
				throw new DatabaseError("duplicate key value violates unique constraint on (developer_id, user_name)");
			}
			stored.add(name);
		}
		List<FakeScimUser> created = new ArrayList<>(stored.size());
		for (String userName : stored) {
			created.add(store(userName, null, null, true, "[]").snapshot());
		}
		return created;
	}

	/**
	 * Stores users named {@code user-<n>@example.com}, numbered on from the last call, as
	 * {@link #createUsers} does.
	 * @param count how many
	 * @return the stored users
	 * @throws DatabaseError when one of the names is taken
	 */
	synchronized List<FakeScimUser> createNumberedUsers(int count) {
		List<String> userNames = new ArrayList<>(count);
		for (long n = this.lastNumberedUser + 1; n <= this.lastNumberedUser + count; n++) {
			userNames.add("user-" + n + "@example.com");
		}
		List<FakeScimUser> created = createUsers(userNames);
		this.lastNumberedUser += count;
		return created;
	}

	private UserRecord store(String userName, @Nullable String displayName, @Nullable String externalId, boolean active,
			String emailsJson) {
		UserRecord user = new UserRecord(Ids.scimUserId(), this.nextSequence++, now(), userName, displayName,
				externalId, active, emailsJson);
		this.usersById.put(user.id, user);
		this.usersByUserName.put(userName, user);
		this.usersInOrder.add(user);
		return user;
	}

	synchronized @Nullable FakeScimUser replaceUser(String id, UserWrite write) {
		UserRecord user = this.usersById.get(id);
		if (user == null) {
			return null;
		}
		Row row = Row.of(write);
		requireUniqueUserName(row.userName(), user);
		rename(user, row.userName());
		user.displayName = row.displayName();
		user.externalId = row.externalId();
		user.active = row.active();
		user.emailsJson = write.emailsJson();
		touch(user);
		return user.snapshot();
	}

	synchronized @Nullable FakeScimUser patchUser(String id, UserPatch patch) {
		UserRecord user = this.usersById.get(id);
		if (user == null) {
			return null;
		}
		String userName = (patch.userName() == null) ? user.userName : storedUserName(patch.userName());
		String displayName = (patch.displayName() == null) ? user.displayName : storedTextOrNull(patch.displayName());
		requireUniqueUserName(userName, user);
		rename(user, userName);
		user.displayName = displayName;
		if (patch.active() != null) {
			user.active = patch.active();
		}
		touch(user);
		return user.snapshot();
	}

	synchronized @Nullable FakeScimUser user(String id) {
		UserRecord user = this.usersById.get(id);
		return (user != null) ? user.snapshot() : null;
	}

	synchronized boolean deleteUser(String id) {
		UserRecord user = this.usersById.remove(id);
		if (user == null) {
			return false;
		}
		this.usersByUserName.remove(user.userName);
		this.usersInOrder.remove(user);
		return true;
	}

	/**
	 * Deletes every user, as {@code DELETE /scim/v2/Users/{id}} would one by one.
	 * @return the number of users deleted
	 */
	synchronized int deleteUsers() {
		int deleted = this.usersInOrder.size();
		this.usersById.clear();
		this.usersByUserName.clear();
		this.usersInOrder.clear();
		return deleted;
	}

	/**
	 * The users oldest first, as {@code ORDER BY created_at}.
	 * @return a snapshot of every user
	 */
	synchronized List<FakeScimUser> users() {
		List<FakeScimUser> snapshot = new ArrayList<>(this.usersInOrder.size());
		for (UserRecord user : this.usersInOrder.all()) {
			snapshot.add(user.snapshot());
		}
		return snapshot;
	}

	/**
	 * One page of users, oldest first, and the total, read atomically.
	 * @param offset the number of users to skip (SQL {@code OFFSET})
	 * @param limit the most users to return (SQL {@code LIMIT})
	 * @return the page and the number of all users
	 */
	synchronized Page page(long offset, long limit) {
		List<UserRecord> range = this.usersInOrder.range(offset, limit);
		List<FakeScimUser> page = new ArrayList<>(range.size());
		for (UserRecord user : range) {
			page.add(user.snapshot());
		}
		return new Page(this.usersInOrder.size(), page);
	}

	synchronized TokenRecord createToken(String label) {
		TokenRecord token = new TokenRecord(Ids.scimTokenId(), storedText(label), Ids.scimTokenSecret(), now(), this);
		this.tokens.add(token);
		return token;
	}

	/**
	 * Revokes one of this developer's live tokens.
	 * @param id the token id, {@code scimtok_...}
	 * @return the revoked token, or {@code null} when this developer has no live token
	 * with that id
	 */
	synchronized @Nullable TokenRecord revokeToken(String id) {
		for (TokenRecord token : this.tokens) {
			if (!token.revoked && token.id.equals(id)) {
				token.revoked = true;
				return token;
			}
		}
		return null;
	}

	synchronized boolean isLive(TokenRecord token) {
		return !token.revoked;
	}

	/**
	 * The live tokens, newest first, as {@code GET /v1/scim/tokens} lists them.
	 * @return a snapshot of the tokens not revoked
	 */
	synchronized List<FakeScimToken> liveTokensNewestFirst() {
		List<FakeScimToken> live = new ArrayList<>();
		for (int i = this.tokens.size() - 1; i >= 0; i--) {
			if (!this.tokens.get(i).revoked) {
				live.add(this.tokens.get(i).snapshot());
			}
		}
		return live;
	}

	/**
	 * Every token ever created, revoked ones included, newest first.
	 * @return a snapshot of every token
	 */
	synchronized List<FakeScimToken> allTokensNewestFirst() {
		List<FakeScimToken> all = new ArrayList<>();
		for (int i = this.tokens.size() - 1; i >= 0; i--) {
			all.add(this.tokens.get(i).snapshot());
		}
		return all;
	}

	private void requireUniqueUserName(String userName, @Nullable UserRecord self) {
		UserRecord other = this.usersByUserName.get(userName);
		if (other != null && other != self) {
			throw new DatabaseError("duplicate key value violates unique constraint on (developer_id, user_name)");
		}
	}

	private void rename(UserRecord user, String userName) {
		if (!user.userName.equals(userName)) {
			this.usersByUserName.remove(user.userName);
			this.usersByUserName.put(userName, user);
			user.userName = userName;
		}
	}

	private void touch(UserRecord user) {
		Instant now = now();
		Instant earliest = user.lastModified.plusMillis(1);
		user.lastModified = now.isBefore(earliest) ? earliest : now;
	}

	private static String storedUserName(String userName) {
		String stored = storedText(userName);
		if (stored.getBytes(StandardCharsets.UTF_8).length > MAX_USER_NAME_BYTES) {
			throw new DatabaseError("index row size exceeds btree maximum");
		}
		return stored;
	}

	private static @Nullable String storedTextOrNull(@Nullable String text) {
		return (text != null) ? storedText(text) : null;
	}

	/**
	 * Text as PostgreSQL stores what Node sends it: a NUL character is refused, an
	 * unpaired surrogate (not encodable in UTF-8) becomes U+FFFD.
	 * @param text the text as received
	 * @return the text as stored
	 * @throws DatabaseError for text holding a NUL character
	 */
	static String storedText(String text) {
		if (text.indexOf('\u0000') >= 0) {
			throw new DatabaseError("invalid byte sequence for encoding \"UTF8\": 0x00");
		}
		StringBuilder stored = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (paired) {
				if (stored != null) {
					stored.append(c).append(text.charAt(i + 1));
				}
				i++;
			}
			else if (Character.isSurrogate(c)) {
				if (stored == null) {
					stored = new StringBuilder(text.length()).append(text, 0, i);
				}
				stored.append('\uFFFD');
			}
			else if (stored != null) {
				stored.append(c);
			}
		}
		return (stored != null) ? stored.toString() : text;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The five stored fields of a POST or PUT.
	 *
	 * @param userName the user name, coerced to text
	 * @param displayName the display name, or {@code null} to clear it
	 * @param externalId the external id, or {@code null} to clear it
	 * @param active whether the user is active; {@code null} for a JSON {@code null},
	 * which the database refuses
	 * @param emailsJson the JSON text of the {@code emails} sent
	 */
	record UserWrite(String userName, @Nullable String displayName, @Nullable String externalId,
			@Nullable Boolean active, String emailsJson) {
	}

	/**
	 * The fields a PATCH changes; {@code null} keeps the stored value (SQL
	 * {@code COALESCE}).
	 *
	 * @param userName the new user name, or {@code null}
	 * @param displayName the new display name, or {@code null}
	 * @param active the new state, or {@code null}
	 */
	record UserPatch(@Nullable String userName, @Nullable String displayName, @Nullable Boolean active) {
	}

	/**
	 * A page of the user list and the number of all users.
	 *
	 * @param total the number of all the developer's users, for {@code totalResults}
	 * @param resources the users on this page, oldest first
	 */
	record Page(int total, List<FakeScimUser> resources) {
	}

	/**
	 * The columns a create or a replacement writes, as the database would store them.
	 */
	private record Row(String userName, @Nullable String displayName, @Nullable String externalId, boolean active) {

		static Row of(UserWrite write) {
			Boolean active = write.active();
			if (active == null) {
				throw new DatabaseError("null value in column \"active\" violates not-null constraint");
			}
			return new Row(storedUserName(write.userName()), storedTextOrNull(write.displayName()),
					storedTextOrNull(write.externalId()), active);
		}

	}

}
