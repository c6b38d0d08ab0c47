package dev.grantex.scim.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.sample.SyncAction.Change;
import dev.grantex.scim.sample.SyncAction.Kind;

/**
 * Plans a sync: compares the directory with Grantex's users and decides what to change. A
 * pure function: it reads nothing and sends nothing.
 *
 * <p>
 * Matching: a directory user with an {@code externalId} is matched to the Grantex user
 * with that {@code externalId}, so a person keeps their Grantex user when their
 * {@code userName} changes; otherwise, or when no Grantex user has it, to the Grantex
 * user with the same {@code userName}, unless that user carries another
 * {@code externalId} (then it is someone else). Each Grantex user is matched at most
 * once.
 *
 * <ul>
 * <li>A directory user without a match is created.</li>
 * <li>A matched user whose {@code userName}, {@code displayName}, {@code externalId},
 * {@code emails} or {@code active} differs is replaced with exactly what the directory
 * says.</li>
 * <li>A Grantex user without a match is deactivated ({@code active=false}) if active, or
 * deleted when {@code deleteMissing} is set.</li>
 * </ul>
 *
 * Applying the plan and planning again yields an empty plan.
 */
public final class SyncPlanner {

	private SyncPlanner() {
	}

	/**
	 * Plans the changes that make Grantex match the directory.
	 * @param directory the users the directory wants, with unique user names and external
	 * ids (as {@link DirectoryFile} ensures)
	 * @param grantex the users Grantex has
	 * @param deleteMissing whether to delete, rather than deactivate, users who are not
	 * in the directory
	 * @return the plan
	 */
	public static SyncPlan plan(List<DirectoryUser> directory, List<ScimUser> grantex, boolean deleteMissing) {
		Map<String, ScimUser> byUserName = new HashMap<>();
		for (ScimUser user : grantex) {
			byUserName.putIfAbsent(user.userName(), user);
		}
		Map<DirectoryUser, ScimUser> matches = match(directory, grantex, byUserName);
		Set<ScimUser> matched = Collections.newSetFromMap(new IdentityHashMap<>());
		matched.addAll(matches.values());

		List<SyncAction> actions = new ArrayList<>();
		int unchanged = 0;
		for (DirectoryUser desired : directory) {
			ScimUser current = matches.get(desired);
			if (current == null) {
				actions.add(new SyncAction(Kind.CREATE, desired.userName(), desired.externalId(), null, null, desired,
						created(desired), collision(byUserName.get(desired.userName()), matched, deleteMissing)));
				continue;
			}
			List<Change> changes = changes(current, desired);
			if (changes.isEmpty()) {
				unchanged++;
			}
			else {
				actions.add(new SyncAction(Kind.REPLACE, desired.userName(), desired.externalId(), current.id(),
						current.userName(), desired, changes, null));
			}
		}
		for (ScimUser user : grantex) {
			if (matched.contains(user)) {
				continue;
			}
			if (deleteMissing) {
				actions.add(new SyncAction(Kind.DELETE, user.userName(), user.externalId(), user.id(), user.userName(),
						null, List.of(), null));
			}
			else if (user.active()) {
				actions.add(new SyncAction(Kind.DEACTIVATE, user.userName(), user.externalId(), user.id(),
						user.userName(), null, List.of(), null));
			}
			else {
				unchanged++;
			}
		}
		actions.sort(Comparator.comparing(SyncAction::kind).thenComparing(SyncAction::userName));
		return new SyncPlan(actions, unchanged);
	}

	private static Map<DirectoryUser, ScimUser> match(List<DirectoryUser> directory, List<ScimUser> grantex,
			Map<String, ScimUser> byUserName) {
		Map<DirectoryUser, ScimUser> matches = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		Map<String, List<ScimUser>> byExternalId = grantex.stream()
			.filter((user) -> user.externalId() != null)
			.collect(Collectors.groupingBy((user) -> Objects.requireNonNull(user.externalId()), LinkedHashMap::new,
					Collectors.toList()));
		for (DirectoryUser desired : directory) {
			if (desired.externalId() != null) {
				for (ScimUser candidate : byExternalId.getOrDefault(desired.externalId(), List.of())) {
					if (taken.add(candidate.id())) {
						matches.put(desired, candidate);
						break;
					}
				}
			}
		}
		for (DirectoryUser desired : directory) {
			if (matches.containsKey(desired)) {
				continue;
			}
			ScimUser candidate = byUserName.get(desired.userName());
			if (candidate == null || taken.contains(candidate.id())) {
				continue;
			}
			String theirs = candidate.externalId();
			String ours = desired.externalId();
			if (theirs == null || ours == null || theirs.equals(ours)) {
				taken.add(candidate.id());
				matches.put(desired, candidate);
			}
		}
		return matches;
	}

	private static List<Change> changes(ScimUser current, DirectoryUser desired) {
		List<Change> changes = new ArrayList<>();
		compare(changes, "userName", current.userName(), desired.userName());
		compare(changes, "externalId", current.externalId(), desired.externalId());
		compare(changes, "displayName", current.displayName(), desired.displayName());
		List<ScimEmail> emails = desired.emails();
		if (!current.emails().equals(emails)) {
			String from = emails(current.emails());
			String to = emails(emails);
			changes.add(new Change("email", from.equals(to) ? from + " (other attributes)" : from, to));
		}
		if (current.active() != desired.active()) {
			changes.add(new Change("active", String.valueOf(current.active()), String.valueOf(desired.active())));
		}
		return changes;
	}

	private static void compare(List<Change> changes, String attribute, @Nullable String from, @Nullable String to) {
		if (!Objects.equals(from, to)) {
			changes.add(new Change(attribute, show(from), show(to)));
		}
	}

	private static List<Change> created(DirectoryUser desired) {
		List<Change> values = new ArrayList<>();
		if (desired.displayName() != null) {
			values.add(new Change("displayName", null, show(desired.displayName())));
		}
		if (desired.email() != null) {
			values.add(new Change("email", null, desired.email()));
		}
		if (!desired.active()) {
			values.add(new Change("active", null, "false"));
		}
		return values;
	}

	private static @Nullable String collision(@Nullable ScimUser holder, Set<ScimUser> matched, boolean deleteMissing) {
		// a holder matched to a directory user is renamed away first (the creation waits
		// for the rename, see ChangeScheduler); one that is not in the directory keeps
		// its userName when deactivated
		if (holder == null || matched.contains(holder) || deleteMissing) {
			return null;
		}
		return "userName still held by a user not in the directory, who keeps it when deactivated; --delete frees it";
	}

	private static String show(@Nullable String value) {
		return (value != null) ? "\"" + value + "\"" : "none";
	}

	private static String emails(List<ScimEmail> emails) {
		return emails.isEmpty() ? "none" : emails.stream().map(ScimEmail::value).collect(Collectors.joining(", "));
	}

}
