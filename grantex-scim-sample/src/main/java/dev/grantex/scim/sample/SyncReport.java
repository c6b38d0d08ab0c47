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
 * @param notMade how many actions were neither made nor failed, because the sync was
 * stopped part way
 * @param duration how long the sync took, reading included
 * @param applying how long applying the plan took
 */
public record SyncReport(SyncPlan plan, boolean dryRun, Map<Kind, Integer> done, List<Failure> failures, int notMade,
		Duration duration, Duration applying) {

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
	 * Whether any action failed, or was not made because the sync was stopped: running
	 * again then has work to do.
	 * @return {@code true} if at least one did
	 */
	public boolean failed() {
		return !this.failures.isEmpty() || this.notMade > 0;
	}

	/**
	 * Whether the sync was stopped before it had tried every action.
	 * @return {@code true} if some were not made
	 */
	public boolean stopped() {
		return this.notMade > 0;
	}

	/**
	 * How many actions a second were applied, made or failed.
	 * @return the rate over the time spent applying, or 0 when nothing was applied
	 */
	public double rate() {
		int finished = changed() + this.failures.size();
		long nanos = this.applying.toNanos();
		return (finished > 0 && nanos > 0) ? finished * 1e9 / nanos : 0;
	}

	/**
	 * Summarises the sync in one line.
	 * @return e.g.
	 * {@code 4 created, 1 replaced, 1 deactivated, 0 deleted, 2 unchanged, 0 failed (0.3 s, 40 changes/s).}
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
		String notMade = (this.notMade > 0) ? ", " + this.notMade + " not made (stopped)" : "";
		return done(Kind.CREATE) + " created, " + done(Kind.REPLACE) + " replaced, " + done(Kind.DEACTIVATE)
				+ " deactivated, " + done(Kind.DELETE) + " deleted, " + this.plan.unchanged() + " unchanged, "
				+ this.failures.size() + " failed" + notMade
				+ String.format(Locale.ROOT, " (%.1f s, %.0f changes/s).", this.duration.toMillis() / 1000.0, rate());
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
