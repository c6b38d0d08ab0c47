package dev.grantex.scim.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ScimUserMeta;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync planner on its own: for each case, the directory, what Grantex has, and the
 * plan expected, written as {@code kind userName: details} lines in the order they are
 * applied. Each plan, applied to an in-memory Grantex the way the server would apply it,
 * leaves nothing to do the second time.
 */
class SyncPlannerTests {

	static Stream<Arguments> cases() {
		return Stream.of(plan("nothing anywhere: nothing to do", directory(), grantex(), false, 0),
				plan("a new person is created with what the directory says",
						directory(person("ada", "e1", "Ada", "ada@example.com", true)), grantex(), false, 0,
						"create ada: displayName \"Ada\"; email ada@example.com"),
				plan("a person created inactive says so", directory(person("ada", "e1", null, null, false)), grantex(),
						false, 0, "create ada: active false"),
				plan("a user who matches is left alone", directory(person("ada", "e1", "Ada", "ada@example.com", true)),
						grantex(user("u1", "ada", "e1", "Ada", "ada@example.com", true)), false, 1),
				plan("a changed display name is replaced",
						directory(person("ada", "e1", "Ada Lovelace", "ada@example.com", true)),
						grantex(user("u1", "ada", "e1", "Ada", "ada@example.com", true)), false, 0,
						"replace ada: displayName \"Ada\" -> \"Ada Lovelace\""),
				plan("a new userName with the same externalId renames the user",
						directory(person("ada.l", "e1", "Ada", "ada@example.com", true)),
						grantex(user("u1", "ada", "e1", "Ada", "ada@example.com", true)), false, 0,
						"replace ada.l: userName \"ada\" -> \"ada.l\""),
				plan("without an externalId in Grantex, the userName matches and the externalId is added",
						directory(person("ada", "e1", "Ada", null, true)),
						grantex(user("u1", "ada", null, "Ada", null, true)), false, 0,
						"replace ada: externalId none -> \"e1\""),
				plan("without an externalId in the directory, the userName matches and Grantex's is cleared",
						directory(person("ada", null, "Ada", null, true)),
						grantex(user("u1", "ada", "e1", "Ada", null, true)), false, 0,
						"replace ada: externalId \"e1\" -> none"),
				plan("an email that differs only in its attributes is replaced",
						directory(person("ada", "e1", null, "ada@example.com", true)),
						grantex(new ScimUser("u1", "ada", true, List.of(new ScimEmail("ada@example.com", true)), META,
								"e1", null)),
						false, 0, "replace ada: email ada@example.com (other attributes) -> ada@example.com"),
				plan("a person the directory marks inactive is deactivated by replacement",
						directory(person("ada", "e1", null, null, false)),
						grantex(user("u1", "ada", "e1", null, null, true)), false, 0,
						"replace ada: active true -> false"),
				plan("someone no longer in the directory is deactivated", directory(),
						grantex(user("u1", "ada", "e1", null, null, true)), false, 0,
						"deactivate ada: not in the directory: active true -> false"),
				plan("someone no longer in the directory and already inactive is left alone", directory(),
						grantex(user("u1", "ada", "e1", null, null, false)), false, 1),
				plan("with deleteMissing, everyone not in the directory is deleted, inactive or not", directory(),
						grantex(user("u1", "ada", "e1", null, null, true), user("u2", "bob", null, null, null, false)),
						true, 0, "delete ada: not in the directory: deleted for good",
						"delete bob: not in the directory: deleted for good"),
				plan("a userName held by someone else (another externalId) is a new person, and the creation is flagged",
						directory(person("sam", "e2", null, null, true)),
						grantex(user("u1", "sam", "e1", null, null, true)), false, 0,
						"create sam: userName still held by a user not in the directory, who keeps it when deactivated; "
								+ "--delete frees it",
						"deactivate sam: not in the directory: active true -> false"),
				plan("with deleteMissing, the old holder is deleted before the new person is created",
						directory(person("sam", "e2", null, null, true)),
						grantex(user("u1", "sam", "e1", null, null, true)), true, 0,
						"delete sam: not in the directory: deleted for good", "create sam: "),
				plan("a userName freed by a rename is taken by a new person after the rename",
						directory(person("x", "e1", null, null, true), person("y", null, null, null, true)),
						grantex(user("u1", "y", "e1", null, null, true)), false, 0,
						"replace x: userName \"y\" -> \"x\"", "create y: "),
				plan("actions are ordered by kind, then by userName",
						directory(person("d", "e4", null, null, true), person("c", "e3", "C", null, true),
								person("b", "e2", null, null, true)),
						grantex(user("u1", "c", "e3", null, null, true), user("u2", "z", "e9", null, null, true),
								user("u3", "a", "e8", null, null, true)),
						true, 0, "delete a: not in the directory: deleted for good",
						"delete z: not in the directory: deleted for good", "replace c: displayName none -> \"C\"",
						"create b: ", "create d: "));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void plans(List<DirectoryUser> directory, List<ScimUser> grantex, boolean deleteMissing, int unchanged,
			List<String> expected) {
		SyncPlan plan = SyncPlanner.plan(directory, grantex, deleteMissing);

		assertThat(plan.actions())
			.map((action) -> action.kind().verb() + " " + action.userName() + ": " + action.details())
			.containsExactlyElementsOf(expected);
		assertThat(plan.unchanged()).isEqualTo(unchanged);

		List<ScimUser> after = applyAsGrantexWould(plan, grantex);
		SyncPlan again = SyncPlanner.plan(directory, after, deleteMissing);
		assertThat(again.actions()).isEmpty();
		assertThat(again.unchanged()).isEqualTo(after.size());
	}

	private static List<ScimUser> applyAsGrantexWould(SyncPlan plan, List<ScimUser> grantex) {
		List<ScimUser> users = new ArrayList<>(grantex);
		int next = 1;
		for (SyncAction action : plan.actions()) {
			DirectoryUser desired = action.desired();
			switch (action.kind()) {
				case CREATE -> users.add(stored("new" + next++, desired));
				case REPLACE ->
					users.replaceAll((user) -> user.id().equals(action.userId()) ? stored(user.id(), desired) : user);
				case DEACTIVATE ->
					users.replaceAll((user) -> user.id().equals(action.userId()) ? new ScimUser(user.id(),
							user.userName(), false, user.emails(), META, user.externalId(), user.displayName()) : user);
				case DELETE -> users.removeIf((user) -> user.id().equals(action.userId()));
			}
		}
		return users;
	}

	private static ScimUser stored(String id, @Nullable DirectoryUser desired) {
		assertThat(desired).isNotNull();
		return new ScimUser(id, desired.userName(), desired.active(), desired.emails(), META, desired.externalId(),
				desired.displayName());
	}

	private static final ScimUserMeta META = new ScimUserMeta("User", null, null);

	private static Arguments plan(String name, List<DirectoryUser> directory, List<ScimUser> grantex,
			boolean deleteMissing, int unchanged, String... expected) {
		return Arguments.of(Named.of(name, directory), grantex, deleteMissing, unchanged, Arrays.asList(expected));
	}

	private static List<DirectoryUser> directory(DirectoryUser... users) {
		return List.of(users);
	}

	private static List<ScimUser> grantex(ScimUser... users) {
		return List.of(users);
	}

	private static DirectoryUser person(String userName, @Nullable String externalId, @Nullable String displayName,
			@Nullable String email, boolean active) {
		return new DirectoryUser(userName, externalId, displayName, email, active);
	}

	private static ScimUser user(String id, String userName, @Nullable String externalId, @Nullable String displayName,
			@Nullable String email, boolean active) {
		List<ScimEmail> emails = (email != null) ? List.of(ScimEmail.primary(email, DirectoryUser.EMAIL_TYPE))
				: List.of();
		return new ScimUser(id, userName, active, emails, META, externalId, displayName);
	}

}
