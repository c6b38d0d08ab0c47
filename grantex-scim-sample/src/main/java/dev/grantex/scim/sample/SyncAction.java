package dev.grantex.scim.sample;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One change the sync makes to one Grantex user.
 *
 * @param kind what it does
 * @param userName the user's {@code userName}: the directory's for a create or replace,
 * Grantex's otherwise
 * @param externalId the user's external id, as for the user name, or {@code null}
 * @param userId the Grantex id of the user changed; {@code null} for a create
 * @param currentUserName the user's {@code userName} in Grantex before the change;
 * {@code null} for a create
 * @param desired what the directory wants, for a create or replace; {@code null}
 * otherwise
 * @param changes the attributes that change: for a replace, each with its old and new
 * value; for a create, the values set
 * @param note a warning about this change, or {@code null}
 */
public record SyncAction(Kind kind, String userName, @Nullable String externalId, @Nullable String userId,
		@Nullable String currentUserName, @Nullable DirectoryUser desired, List<Change> changes,
		@Nullable String note) {

	/**
	 * Copies the changes.
	 */
	public SyncAction {
		changes = List.copyOf(changes);
	}

	/**
	 * The {@code userName} this change takes: the new user's for a create, the new one
	 * for a rename. Grantex holds each {@code userName} once, so the change can succeed
	 * only after the user holding it has given it up.
	 * @return the {@code userName}, or {@code null} if the change takes none
	 */
	public @Nullable String takesUserName() {
		return switch (this.kind) {
			case CREATE -> this.userName;
			case REPLACE -> renamed() ? this.userName : null;
			case DEACTIVATE, DELETE -> null;
		};
	}

	/**
	 * The {@code userName} this change gives up: the deleted user's, or the old one of a
	 * rename. A deactivated user keeps theirs.
	 * @return the {@code userName}, or {@code null} if the change gives none up
	 */
	public @Nullable String freesUserName() {
		return switch (this.kind) {
			case DELETE -> this.currentUserName;
			case REPLACE -> renamed() ? this.currentUserName : null;
			case CREATE, DEACTIVATE -> null;
		};
	}

	private boolean renamed() {
		return this.currentUserName != null && !this.currentUserName.equals(this.userName);
	}

	/**
	 * Describes the changes for the plan table.
	 * @return the changes and the note, or the reason for a deactivation or deletion
	 */
	public String details() {
		String details = switch (this.kind) {
			case DEACTIVATE -> "not in the directory: active true -> false";
			case DELETE -> "not in the directory: deleted for good";
			default -> this.changes.stream().map(Change::toString).collect(Collectors.joining("; "));
		};
		if (this.note == null) {
			return details;
		}
		return details.isEmpty() ? this.note : details + " (" + this.note + ")";
	}

	/**
	 * What an action does, in the order the plan lists them: deletions and replacements
	 * first, since they may free a {@code userName} that a creation needs.
	 */
	public enum Kind {

		/**
		 * Delete a user who is not in the directory ({@code DELETE}); only when asked to.
		 */
		DELETE("delete", "deleted"),

		/**
		 * Replace a user whose attributes differ from the directory's ({@code PUT}).
		 */
		REPLACE("replace", "replaced"),

		/**
		 * Create a user who is in the directory but not in Grantex ({@code POST}).
		 */
		CREATE("create", "created"),

		/**
		 * Deactivate a user who is not in the directory ({@code PATCH active=false}).
		 */
		DEACTIVATE("deactivate", "deactivated");

		private final String verb;

		private final String pastTense;

		Kind(String verb, String pastTense) {
			this.verb = verb;
			this.pastTense = pastTense;
		}

		/**
		 * The action as a verb.
		 * @return e.g. {@code create}
		 */
		public String verb() {
			return this.verb;
		}

		/**
		 * The action done.
		 * @return e.g. {@code created}
		 */
		public String pastTense() {
			return this.pastTense;
		}

	}

	/**
	 * One attribute that changes.
	 *
	 * @param attribute the attribute's name
	 * @param from its value in Grantex, or {@code null} for a create
	 * @param to its value in the directory
	 */
	public record Change(String attribute, @Nullable String from, String to) {

		/**
		 * Shows the change.
		 * @return {@code attribute from -> to}, or {@code attribute to} for a create
		 */
		@Override
		public String toString() {
			return (this.from != null) ? this.attribute + " " + this.from + " -> " + this.to
					: this.attribute + " " + this.to;
		}

	}

}
