package dev.grantex.scim.retry;

import java.time.Duration;

import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimRetryReason;

/**
 * Told each time the client is about to retry a failed attempt, for metrics or logs.
 * Called on the calling thread, before the wait; it must be quick and must not throw.
 */
@FunctionalInterface
public interface ScimRetryListener {

	/**
	 * A failed attempt is about to be retried.
	 * @param event what failed and what happens next
	 */
	void onRetry(RetryEvent event);

	/**
	 * One retry.
	 *
	 * @param clientName the name of the client that retries, low-cardinality, e.g.
	 * {@code grantex}, as in its observations' {@code client.name}
	 * @param operation the operation's stable name, e.g. {@code users.get}
	 * @param reason why it is retried
	 * @param failedAttempts how many attempts have failed so far
	 * @param delay how long the client waits before the next attempt
	 * @param failure the failure of the last attempt
	 */
	record RetryEvent(String clientName, String operation, ScimRetryReason reason, int failedAttempts, Duration delay,
			ScimException failure) {
	}

}
