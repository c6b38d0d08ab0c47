package dev.grantex.scim.sample;

/**
 * How one sync runs.
 *
 * @param dryRun whether to print the plan only
 * @param deleteMissing whether to delete, rather than deactivate, users who are not in
 * the directory
 * @param concurrency the most changes in flight at once, 1 to
 * {@value SyncOptions#MAX_CONCURRENCY}
 * @param progress how to show the progress of applying
 */
public record SyncSettings(boolean dryRun, boolean deleteMissing, int concurrency, ProgressPrinter.Style progress) {

	/**
	 * Checks the concurrency.
	 */
	public SyncSettings {
		if (concurrency < 1 || concurrency > SyncOptions.MAX_CONCURRENCY) {
			throw new IllegalArgumentException(
					"concurrency must be from 1 to " + SyncOptions.MAX_CONCURRENCY + ", was " + concurrency);
		}
	}

	/**
	 * The settings of a sync with the default concurrency, printing a line per change.
	 * @param dryRun whether to print the plan only
	 * @param deleteMissing whether to delete, rather than deactivate, users who are not
	 * in the directory
	 * @return the settings
	 */
	public static SyncSettings of(boolean dryRun, boolean deleteMissing) {
		return new SyncSettings(dryRun, deleteMissing, SyncOptions.DEFAULT_CONCURRENCY, ProgressPrinter.Style.LINES);
	}

}
