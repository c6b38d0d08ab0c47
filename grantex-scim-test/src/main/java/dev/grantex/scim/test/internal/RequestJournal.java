package dev.grantex.scim.test.internal;

import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.RecordedRequest;

/**
 * Every request the fake received, kept in arrival order for the inspection API. A
 * request that is answered late is recorded on arrival and updated once it is processed.
 * Thread-safe.
 */
public final class RequestJournal {

	/**
	 * By arrival sequence, so the snapshot is in arrival order whatever order requests
	 * finish in.
	 */
	private final TreeMap<Long, RecordedRequest> entries = new TreeMap<>();

	/**
	 * Records a request with its answer as known now.
	 * @param request the request
	 * @param status the status answered, 0 when there is none (yet)
	 * @param fault the description of the scripted fault used on it, or {@code null}
	 * @param responseBodyBytes the response body bytes written, or -1 while they are
	 * still being written
	 */
	synchronized void record(WireRequest request, int status, @Nullable String fault, long responseBodyBytes) {
		this.entries.put(request.sequence(), recorded(request, status, fault, responseBodyBytes));
	}

	/**
	 * Sets the status of a request recorded earlier, unless the journal was cleared
	 * meanwhile.
	 * @param request the request recorded on arrival
	 * @param status the status it was finally answered with
	 * @param responseBodyBytes the response body bytes written in the end
	 */
	synchronized void update(WireRequest request, int status, long responseBodyBytes) {
		this.entries.computeIfPresent(request.sequence(),
				(sequence, earlier) -> recorded(request, status, earlier.fault(), responseBodyBytes));
	}

	/**
	 * The requests recorded so far.
	 * @return an immutable snapshot, in the order the requests arrived
	 */
	public synchronized List<RecordedRequest> snapshot() {
		return List.copyOf(this.entries.values());
	}

	/** Forgets every recorded request. */
	public synchronized void clear() {
		this.entries.clear();
	}

	private static RecordedRequest recorded(WireRequest request, int status, @Nullable String fault,
			long responseBodyBytes) {
		return new RecordedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
				request.body(), status, request.receivedAt(), fault, responseBodyBytes);
	}

}
