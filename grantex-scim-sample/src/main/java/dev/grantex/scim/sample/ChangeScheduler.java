package dev.grantex.scim.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.sample.SyncAction.Kind;

/**
 * Applies a plan's changes on a bounded number of threads, in one order only: a change
 * that takes a {@code userName} (a creation, or a rename to it) starts after the change
 * that gives that {@code userName} up (a deletion, or a rename away from it) has
 * succeeded. Everything else runs in parallel, in plan order as threads come free.
 *
 * <p>
 * Grantex holds each {@code userName} once and a directory names each once, so a
 * {@code userName} has at most one change giving it up and at most one taking it: the
 * waits form chains (a rename into a name that another rename frees, and so on), never
 * trees. A taker is queued the moment its giver succeeds, ahead of the changes still
 * waiting for a thread. If the giver fails, the taker is not tried, and is reported as
 * failed with the reason: Grantex would refuse it as a duplicate. A chain that closes on
 * itself (two users swapping names) cannot be ordered: its changes run without waiting,
 * and Grantex refuses the ones whose name is still held.
 *
 * <p>
 * Nothing is kept between runs: what is left after a stop is found by the next plan,
 * which is made from what Grantex holds.
 */
public final class ChangeScheduler {

	/**
	 * How long a stopped scheduler lets the changes in flight end by themselves before it
	 * interrupts them.
	 */
	static final Duration PATIENCE = Duration.ofSeconds(2);

	/**
	 * How long a stopped scheduler waits for the changes in flight to end, at most.
	 */
	static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static final long TICK_MILLIS = 200;

	private static final long JOIN_MILLIS = 50;

	private final List<SyncAction> actions;

	/**
	 * For each change that gives a {@code userName} up, the change that waits to take it.
	 */
	private final Map<SyncAction, SyncAction> takers;

	/**
	 * The changes that wait for another.
	 */
	private final Set<SyncAction> waiting;

	private final BlockingDeque<SyncAction> ready = new LinkedBlockingDeque<>();

	private final AtomicInteger unresolved;

	private final AtomicInteger attempted = new AtomicInteger();

	private final CountDownLatch finished = new CountDownLatch(1);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean stopping;

	/**
	 * Prepares the changes of a plan.
	 * @param actions the changes, in plan order
	 */
	public ChangeScheduler(List<SyncAction> actions) {
		this.actions = List.copyOf(actions);
		this.takers = takers(this.actions);
		this.waiting = Collections.newSetFromMap(new IdentityHashMap<>());
		this.waiting.addAll(this.takers.values());
		this.unresolved = new AtomicInteger(this.actions.size());
	}

	/**
	 * Which change waits for which: for each change giving a {@code userName} up, the one
	 * taking it, unless the two belong to a chain that closes on itself.
	 * @param actions the changes
	 * @return giver to taker
	 */
	static Map<SyncAction, SyncAction> takers(List<SyncAction> actions) {
		Map<String, SyncAction> giverOf = new HashMap<>();
		for (SyncAction action : actions) {
			String frees = action.freesUserName();
			if (frees != null) {
				giverOf.put(frees, action);
			}
		}
		Map<SyncAction, SyncAction> giverOfTaker = new IdentityHashMap<>();
		for (SyncAction action : actions) {
			String takes = action.takesUserName();
			SyncAction giver = (takes != null) ? giverOf.get(takes) : null;
			if (giver != null && giver != action) {
				giverOfTaker.put(action, giver);
			}
		}
		dropCycles(giverOfTaker);
		Map<SyncAction, SyncAction> takers = new IdentityHashMap<>();
		giverOfTaker.forEach((taker, giver) -> takers.put(giver, taker));
		return takers;
	}

	/*
	 * Removes the waits of every chain that closes on itself. Each change waits for at
	 * most one other, so following the waits from any change either ends or comes back
	 * round; each change is followed once.
	 */
	private static void dropCycles(Map<SyncAction, SyncAction> giverOfTaker) {
		Map<SyncAction, Integer> walkOf = new IdentityHashMap<>();
		List<SyncAction> inCycles = new ArrayList<>();
		int walk = 0;
		for (SyncAction start : giverOfTaker.keySet()) {
			walk++;
			SyncAction current = start;
			while (current != null && !walkOf.containsKey(current)) {
				walkOf.put(current, walk);
				current = giverOfTaker.get(current);
			}
			if (current != null && Integer.valueOf(walk).equals(walkOf.get(current))) {
				// came back to a change of this walk: from it on, a cycle
				SyncAction member = current;
				do {
					inCycles.add(member);
					member = giverOfTaker.get(member);
				}
				while (member != null && member != current);
			}
		}
		inCycles.forEach(giverOfTaker::remove);
	}

	/**
	 * Applies every change, on up to {@code concurrency} threads, and returns when all
	 * are done, or when stopped ({@link #stop()}, or this thread interrupted), after the
	 * changes in flight have ended (for at most {@link #STOP_GRACE}).
	 * @param concurrency the most changes in flight at once
	 * @param change what applies one change; it throws when the change fails
	 * @param listener told of every result, from the threads that apply the changes
	 * @return what was done
	 */
	public Outcome run(int concurrency, Change change, Listener listener) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
		}
		for (SyncAction action : this.actions) {
			if (!this.waiting.contains(action)) {
				this.ready.add(action);
			}
		}
		int threads = Math.min(concurrency, Math.max(1, this.actions.size()));
		for (int i = 1; i <= threads; i++) {
			Thread worker = new Thread(() -> work(change, listener), "sync-" + i);
			worker.setDaemon(true);
			this.workers.add(worker);
		}
		this.workers.forEach(Thread::start);
		boolean interrupted = false;
		try {
			while (this.unresolved.get() > 0 && !this.stopping) {
				synchronized (this.unresolved) {
					if (this.unresolved.get() > 0 && !this.stopping) {
						this.unresolved.wait(TICK_MILLIS);
					}
				}
				listener.tick();
			}
		}
		catch (InterruptedException ex) {
			interrupted = true;
			this.stopping = true;
		}
		interrupted |= endWorkers();
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		int notMade = this.unresolved.get();
		Outcome outcome = new Outcome(this.actions.size(), this.attempted.get(), notMade, notMade > 0);
		this.finished.countDown();
		return outcome;
	}

	/**
	 * Stops applying: no change starts any more; those in flight are given
	 * {@link #PATIENCE} to end, then interrupted (which ends a wait for the rate limit or
	 * a retry at once, and counts the change as not made; a request on the wire ends with
	 * its answer). Thread-safe; {@link #run} returns when they have ended.
	 */
	public void stop() {
		this.stopping = true;
		synchronized (this.unresolved) {
			this.unresolved.notifyAll();
		}
	}

	/**
	 * Waits for {@link #run} to return.
	 * @param timeout the longest to wait
	 * @return whether it returned in time
	 * @throws InterruptedException if this thread is interrupted meanwhile
	 */
	public boolean awaitFinished(Duration timeout) throws InterruptedException {
		return this.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits for the threads to end: when all changes are resolved, they are idle and are
	 * woken at once; when stopped, they are given {@link #PATIENCE} to finish the change
	 * in hand, then interrupted, and waited for until {@link #STOP_GRACE}.
	 * @return whether this thread was interrupted meanwhile
	 */
	private boolean endWorkers() {
		boolean interrupted = false;
		long start = System.nanoTime();
		long patience = this.stopping ? PATIENCE.toNanos() : 0;
		boolean woken = false;
		while (true) {
			Thread alive = this.workers.stream().filter(Thread::isAlive).findFirst().orElse(null);
			long elapsed = System.nanoTime() - start;
			if (alive == null || elapsed >= STOP_GRACE.toNanos()) {
				return interrupted;
			}
			if (!woken && elapsed >= patience) {
				this.workers.forEach(Thread::interrupt);
				woken = true;
			}
			try {
				alive.join(JOIN_MILLIS);
			}
			catch (InterruptedException ex) {
				// interrupted again: no more patience
				interrupted = true;
				patience = 0;
			}
		}
	}

	private void work(Change change, Listener listener) {
		while (!this.stopping && this.unresolved.get() > 0) {
			SyncAction action;
			try {
				action = this.ready.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (action != null && !this.stopping) {
				apply(action, change, listener);
			}
		}
	}

	private void apply(SyncAction action, Change change, Listener listener) {
		this.attempted.incrementAndGet();
		String failure;
		try {
			change.apply(action);
			failure = null;
		}
		catch (ScimInterruptedException ex) {
			if (this.stopping) {
				// stopped while waiting to send: not made, and not a failure to report
				this.attempted.decrementAndGet();
				return;
			}
			failure = reason(ex);
		}
		catch (RuntimeException ex) {
			failure = reason(ex);
		}
		if (failure == null) {
			listener.succeeded(action);
		}
		else {
			listener.failed(action, failure);
		}
		resolved();
		SyncAction taker = this.takers.get(action);
		if (taker == null) {
			return;
		}
		if (failure == null) {
			this.ready.addFirst(taker);
			return;
		}
		// Grantex still holds the name: every change down the chain would be refused
		SyncAction giver = action;
		String what = "failed";
		while (taker != null) {
			String freeing = (giver.kind() == Kind.DELETE) ? "deleting " + giver.currentUserName()
					: "renaming " + giver.currentUserName() + " to " + giver.userName();
			listener.failed(taker,
					"not tried: userName " + taker.takesUserName() + " is still taken, since " + freeing + " " + what);
			resolved();
			giver = taker;
			taker = this.takers.get(taker);
			what = "was not tried";
		}
	}

	private void resolved() {
		if (this.unresolved.decrementAndGet() == 0) {
			synchronized (this.unresolved) {
				this.unresolved.notifyAll();
			}
		}
	}

	private static String reason(RuntimeException ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

	@Override
	public String toString() {
		return "ChangeScheduler[" + this.actions.size() + " changes, " + this.unresolved.get() + " unresolved"
				+ (this.stopping ? ", stopping" : "") + "]";
	}

	/**
	 * Applies one change.
	 */
	@FunctionalInterface
	public interface Change {

		/**
		 * Applies the change.
		 * @param action the change
		 * @throws RuntimeException if it failed, such as a
		 * {@link dev.grantex.scim.error.ScimException} from the client
		 */
		void apply(SyncAction action);

	}

	/**
	 * Told of each result as it comes, from the threads that apply the changes; and,
	 * every fraction of a second, from the thread that waits, so that progress shown can
	 * move on while changes are slow.
	 */
	public interface Listener {

		/**
		 * A change was made.
		 * @param action the change
		 */
		void succeeded(SyncAction action);

		/**
		 * A change failed, or was not tried because the change it waited for failed.
		 * @param action the change
		 * @param reason why, as the client reported it
		 */
		void failed(SyncAction action, String reason);

		/**
		 * Some time has passed.
		 */
		default void tick() {
		}

	}

	/**
	 * What a run did.
	 *
	 * @param total the changes planned
	 * @param attempted the changes tried: succeeded or failed, not those skipped or left
	 * @param notMade the changes neither made nor failed, because the run was stopped
	 * @param stopped whether the run was stopped before the end
	 */
	public record Outcome(int total, int attempted, int notMade, boolean stopped) {

	}

}
