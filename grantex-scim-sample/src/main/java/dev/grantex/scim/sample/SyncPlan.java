package dev.grantex.scim.sample;

import java.util.List;

/**
 * What a sync would change: the actions, in the order they are applied, and how many
 * users already match.
 *
 * @param actions the changes, ordered by kind (as {@link SyncAction.Kind} lists them),
 * then by user name
 * @param unchanged how many Grantex users need no change: those that match the directory,
 * and those not in it that are already inactive
 */
public record SyncPlan(List<SyncAction> actions, int unchanged) {

	/**
	 * Copies the actions.
	 */
	public SyncPlan {
		actions = List.copyOf(actions);
	}

	/**
	 * Counts the actions of one kind.
	 * @param kind the kind
	 * @return how many there are
	 */
	public int count(SyncAction.Kind kind) {
		return (int) this.actions.stream().filter((action) -> action.kind() == kind).count();
	}

	/**
	 * Whether the sync has nothing to do.
	 * @return {@code true} if Grantex already matches the directory
	 */
	public boolean isEmpty() {
		return this.actions.isEmpty();
	}

}
