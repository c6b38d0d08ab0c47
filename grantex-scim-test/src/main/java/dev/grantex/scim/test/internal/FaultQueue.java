package dev.grantex.scim.test.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The faults scripted for one server: one-shot faults, in the order they were scripted,
 * each waiting for the first request its target matches, and standing faults, used on
 * every request their target matches until they are cleared. A one-shot fault that
 * matches is taken before any standing one. Taking a fault is atomic: under any number of
 * concurrent requests each one-shot fault is used by exactly one of them. Thread-safe.
 */
public final class FaultQueue {

	/** The method of a target that matches every method. */
	public static final String ANY_METHOD = "*";

	private final List<Entry> entries = new ArrayList<>();

	private final List<Entry> standing = new ArrayList<>();

	/**
	 * Appends faults for the requests a target matches.
	 * @param method the request method, exactly, or {@link #ANY_METHOD}
	 * @param pathPrefix a raw path prefix matched on whole segments; empty matches every
	 * path
	 * @param faults the faults, used one per matching request in this order
	 */
	public synchronized void add(String method, String pathPrefix, List<ScriptedFault> faults) {
		for (ScriptedFault fault : faults) {
			this.entries.add(new Entry(method, pathPrefix, fault));
		}
	}

	/**
	 * Adds a standing fault, used on every request the target matches that no one-shot
	 * fault (nor a standing fault added earlier) matches.
	 * @param method the request method, exactly, or {@link #ANY_METHOD}
	 * @param pathPrefix a raw path prefix matched on whole segments; empty matches every
	 * path
	 * @param fault the fault
	 */
	public synchronized void addStanding(String method, String pathPrefix, ScriptedFault fault) {
		this.standing.add(new Entry(method, pathPrefix, fault));
	}

	/**
	 * Removes and returns the earliest-scripted fault whose target matches the request.
	 * @param method the request's method
	 * @param rawPath the request's raw path
	 * @return the fault, or {@code null} when the request is to be served normally
	 */
	synchronized @Nullable ScriptedFault take(String method, String rawPath) {
		Iterator<Entry> waiting = this.entries.iterator();
		while (waiting.hasNext()) {
			Entry entry = waiting.next();
			if (entry.matches(method, rawPath)) {
				waiting.remove();
				return entry.fault();
			}
		}
		for (Entry entry : this.standing) {
			if (entry.matches(method, rawPath)) {
				return entry.fault();
			}
		}
		return null;
	}

	/** Forgets every one-shot fault not used yet, and every standing fault. */
	public synchronized void clear() {
		this.entries.clear();
		this.standing.clear();
	}

	/**
	 * The number of one-shot faults not used yet; standing faults are never used up, so
	 * they are not counted.
	 * @return zero or more
	 */
	public synchronized int pending() {
		return this.entries.size();
	}

	/**
	 * Whether a raw path is the prefix itself or lies below it: {@code /scim/v2/Users}
	 * matches {@code /scim/v2/Users} and {@code /scim/v2/Users/abc}, not
	 * {@code /scim/v2/UsersX}.
	 * @param pathPrefix the prefix; empty matches everything, and one ending in {@code /}
	 * matches whatever starts with it
	 * @param rawPath the request's raw path
	 * @return whether the path is covered
	 */
	public static boolean pathMatches(String pathPrefix, String rawPath) {
		if (pathPrefix.isEmpty() || rawPath.equals(pathPrefix)) {
			return true;
		}
		if (!rawPath.startsWith(pathPrefix)) {
			return false;
		}
		return pathPrefix.endsWith("/") || rawPath.charAt(pathPrefix.length()) == '/';
	}

	@Override
	public synchronized String toString() {
		List<String> faults = new ArrayList<>(this.entries.size());
		for (Entry entry : this.entries) {
			faults.add(entry.target() + ": " + entry.fault().description());
		}
		for (Entry entry : this.standing) {
			faults.add("always " + entry.target() + ": " + entry.fault().description());
		}
		return faults.toString();
	}

	/** One scripted fault and the requests it may be used on. */
	private record Entry(String method, String pathPrefix, ScriptedFault fault) {

		boolean matches(String requestMethod, String rawPath) {
			return (this.method.equals(ANY_METHOD) || this.method.equals(requestMethod))
					&& pathMatches(this.pathPrefix, rawPath);
		}

		/**
		 * The target for messages.
		 * @return {@code any}, or the method and prefix
		 */
		String target() {
			if (this.method.equals(ANY_METHOD) && this.pathPrefix.isEmpty()) {
				return "any";
			}
			return this.method + " " + (this.pathPrefix.isEmpty() ? "/" : this.pathPrefix);
		}
	}

}
