package dev.grantex.scim.sample;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.grantex.scim.sample.SyncAction.Kind;

/**
 * What one sync did.
 *
 * @param plan the plan it made
 * @param dryRun whether it only planned
 * @param done how many actions of each kind succeeded; none for a dry run
 * @param failures the actions that failed, each with why
 * @param duration how long the sync took, reading included
 */
public record SyncReport(SyncPlan plan, boolean dryRun, Map<Kind, Integer> done, List<Failure> failures,
		Duration duration) {

	/**
	 * Copies the counts and failures.
	 */
	public SyncReport {
		done = Map.copyOf(done);
		failures = List.copyOf(failures);
	}

	/**
	 * How many actions of a kind succeeded.
	 * @param kind the kind
	 * @return the count
	 */
	public int done(Kind kind) {
		return this.done.getOrDefault(kind, 0);
	}

	/**
	 * How many users the sync changed.
	 * @return the successful actions
	 */
	public int changed() {
		return this.done.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * Whether any action failed.
	 * @return {@code true} if at least one did
	 */
	public boolean failed() {
		return !this.failures.isEmpty();
	}

	/**
	 * Summarises the sync in one line.
	 * @return e.g.
	 * {@code 4 created, 1 replaced, 1 deactivated, 0 deleted, 2 unchanged, 0 failed (0.3 s).}
	 */
	public String summary() {
		String took = String.format(Locale.ROOT, " (%.1f s)", this.duration.toMillis() / 1000.0);
		if (this.plan.isEmpty()) {
			return "nothing to change; " + this.plan.unchanged() + " users unchanged" + took + ".";
		}
		if (this.dryRun) {
			return "would create " + this.plan.count(Kind.CREATE) + ", replace " + this.plan.count(Kind.REPLACE)
					+ ", deactivate " + this.plan.count(Kind.DEACTIVATE) + ", delete " + this.plan.count(Kind.DELETE)
					+ "; " + this.plan.unchanged() + " unchanged. Dry run: nothing was changed" + took + ".";
		}
		return done(Kind.CREATE) + " created, " + done(Kind.REPLACE) + " replaced, " + done(Kind.DEACTIVATE)
				+ " deactivated, " + done(Kind.DELETE) + " deleted, " + this.plan.unchanged() + " unchanged, "
				+ this.failures.size() + " failed" + took + ".";
	}

	/**
	 * An action that failed.
	 *
	 * @param action the action
	 * @param reason the error, as the client reported it
	 */
	public record Failure(SyncAction action, String reason) {

	}

}
