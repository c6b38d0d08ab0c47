package dev.grantex.scim.test.internal;

import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.RecordedRequest;

/**
 * The requests the fake received, kept in arrival order for the inspection API: the
 * latest ones up to a limit (100,000 by default), so that a benchmark sending millions of
 * requests does not keep every one in memory. Every request is counted, kept or not. A
 * request that is answered late is recorded on arrival and updated once it is processed.
 * Thread-safe; snapshots of requests are built outside the lock.
 */
public final class RequestJournal {

	/** The limit that keeps every request. */
	public static final int UNLIMITED = Integer.MAX_VALUE;

	/**
	 * The default limit: the latest 100,000 requests, about 150 MB for ordinary ones, so
	 * that a long run does not cost gigabytes unless a test asks for it.
	 */
	public static final int DEFAULT_LIMIT = 100_000;

	/**
	 * By arrival sequence, so the snapshot is in arrival order whatever order requests
	 * finish in.
	 */
	private final TreeMap<Long, RecordedRequest> entries = new TreeMap<>();

	private volatile int limit = DEFAULT_LIMIT;

	private long received;

	/**
	 * Records a request with its answer as known now.
	 * @param request the request
	 * @param status the status answered, 0 when there is none (yet)
	 * @param fault the description of the scripted fault used on it, or {@code null}
	 * @param responseBodyBytes the response body bytes written, or -1 while they are
	 * still being written
	 */
	void record(WireRequest request, int status, @Nullable String fault, long responseBodyBytes) {
		RecordedRequest recorded = (this.limit > 0) ? recorded(request, status, fault, responseBodyBytes) : null;
		synchronized (this) {
			this.received++;
			if (recorded != null && this.limit > 0) {
				this.entries.put(request.sequence(), recorded);
				while (this.entries.size() > this.limit) {
					this.entries.pollFirstEntry();
				}
			}
		}
	}

	/**
	 * Sets the status of a request recorded earlier, unless the journal was cleared or
	 * has dropped it meanwhile.
	 * @param request the request recorded on arrival
	 * @param status the status it was finally answered with
	 * @param responseBodyBytes the response body bytes written in the end
	 */
	void update(WireRequest request, int status, long responseBodyBytes) {
		RecordedRequest earlier;
		synchronized (this) {
			earlier = this.entries.get(request.sequence());
		}
		if (earlier == null) {
			return;
		}
		RecordedRequest updated = recorded(request, status, earlier.fault(), responseBodyBytes);
		synchronized (this) {
			this.entries.replace(request.sequence(), updated);
		}
	}

	/**
	 * The requests recorded so far.
	 * @return an immutable snapshot, in the order the requests arrived
	 */
	public synchronized List<RecordedRequest> snapshot() {
		return List.copyOf(this.entries.values());
	}

	/**
	 * The number of requests received since the start or the last {@link #clear()}, kept
	 * or not.
	 * @return zero or more
	 */
	public synchronized long received() {
		return this.received;
	}

	/**
	 * Keeps only the latest requests from now on, dropping the oldest ones beyond the
	 * limit at once.
	 * @param limit the most requests to keep; 0 keeps none, {@link #UNLIMITED} all
	 */
	public synchronized void limit(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative: " + limit);
		}
		this.limit = limit;
		while (this.entries.size() > limit) {
			this.entries.pollFirstEntry();
		}
	}

	/**
	 * The most requests kept.
	 * @return the limit, {@link #DEFAULT_LIMIT} unless changed
	 */
	public synchronized int limit() {
		return this.limit;
	}

	/** Forgets every recorded request and sets the count back to zero. */
	public synchronized void clear() {
		this.entries.clear();
		this.received = 0;
	}

	private static RecordedRequest recorded(WireRequest request, int status, @Nullable String fault,
			long responseBodyBytes) {
		return new RecordedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
				request.body(), status, request.receivedAt(), fault, responseBodyBytes);
	}

}
