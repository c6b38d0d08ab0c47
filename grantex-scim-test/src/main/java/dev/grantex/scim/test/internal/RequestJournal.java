package dev.grantex.scim.test.internal;

import dev.grantex.scim.test.RecordedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every request the fake answered, kept in arrival order for the inspection API. Thread-safe. */
public final class RequestJournal {

	private record Entry(long sequence, RecordedRequest request) {
	}

	private final List<Entry> entries = new ArrayList<>();

	synchronized void record(WireRequest request, int status) {
		entries.add(new Entry(request.sequence(), new RecordedRequest(request.method(), request.rawPath(),
				request.rawQuery(), request.headers(), request.body(), status, request.receivedAt())));
	}

	/** The requests recorded so far, in the order they arrived. */
	public synchronized List<RecordedRequest> snapshot() {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingLong(Entry::sequence));
		List<RecordedRequest> requests = new ArrayList<>(sorted.size());
		for (Entry entry : sorted) {
			requests.add(entry.request());
		}
		return List.copyOf(requests);
	}

	/** Forgets every recorded request. */
	public synchronized void clear() {
		entries.clear();
	}
}
