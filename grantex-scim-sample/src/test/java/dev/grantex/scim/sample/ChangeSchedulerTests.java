package dev.grantex.scim.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.sample.SyncAction.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The scheduler on its own, with changes that sleep instead of calling Grantex: which
 * change waits for which, that the waits hold on many threads, what a failure or a stop
 * leaves.
 */
@Timeout(30)
class ChangeSchedulerTests {

	// b is renamed to c, then a to b, then a new a is created; d is deleted and a new d
	// created; e is deactivated, and keeps its name
	private final SyncAction renameBToC = rename("u1", "b", "c");

	private final SyncAction renameAToB = rename("u2", "a", "b");

	private final SyncAction createA = create("a");

	private final SyncAction deleteD = new SyncAction(Kind.DELETE, "d", null, "u3", "d", null, List.of(), null);

	private final SyncAction createD = create("d");

	private final SyncAction deactivateE = new SyncAction(Kind.DEACTIVATE, "e", null, "u4", "e", null, List.of(), null);

	private final SyncAction createE = create("e");

	private final SyncAction replaceF = new SyncAction(Kind.REPLACE, "f", null, "u5", "f", user("f"), List.of(), null);

	private final List<SyncAction> plan = List.of(this.deleteD, this.renameAToB, this.renameBToC, this.replaceF,
			this.createA, this.createD, this.createE, this.deactivateE);

	@Test
	void aChangeThatTakesAUserNameWaitsForTheOneThatGivesItUp() {
		assertThat(this.renameAToB.takesUserName()).isEqualTo("b");
		assertThat(this.renameAToB.freesUserName()).isEqualTo("a");
		assertThat(this.replaceF.takesUserName()).isNull();
		assertThat(this.replaceF.freesUserName()).isNull();
		assertThat(this.deactivateE.freesUserName()).as("a deactivated user keeps the name").isNull();

		assertThat(ChangeScheduler.takers(this.plan)).containsOnly(entry(this.renameBToC, this.renameAToB),
				entry(this.renameAToB, this.createA), entry(this.deleteD, this.createD));
	}

	@Test
	void onManyThreadsEveryTakerStartsAfterItsGiverEndedAndTheRestOverlap() {
		Map<SyncAction, long[]> times = new ConcurrentHashMap<>();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		Results results = new Results();

		ChangeScheduler.Outcome outcome = new ChangeScheduler(this.plan).run(8, (action) -> {
			long start = System.nanoTime();
			mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			sleep((action.freesUserName() != null) ? 100 : 20);
			inFlight.decrementAndGet();
			times.put(action, new long[] { start, System.nanoTime() });
		}, results);

		assertThat(outcome).isEqualTo(new ChangeScheduler.Outcome(8, 8, 0, false));
		assertThat(results.succeeded).containsExactlyInAnyOrderElementsOf(this.plan);
		assertThat(results.failed).isEmpty();
		ChangeScheduler.takers(this.plan)
			.forEach((giver, taker) -> assertThat(times.get(taker)[0]).as("%s starts after %s ended", taker, giver)
				.isGreaterThanOrEqualTo(times.get(giver)[1]));
		assertThat(mostInFlight.get()).as("the changes that wait for nothing run at once").isGreaterThanOrEqualTo(4);
	}

	@Test
	void whenAGiverFailsTheChangesWaitingForItAreNotTriedAndTheOthersGoOn() {
		Set<SyncAction> applied = ConcurrentHashMap.newKeySet();
		Results results = new Results();

		ChangeScheduler.Outcome outcome = new ChangeScheduler(this.plan).run(3, (action) -> {
			applied.add(action);
			if (action == this.renameBToC) {
				throw new IllegalStateException("Grantex said no");
			}
		}, results);

		assertThat(applied).containsExactlyInAnyOrder(this.deleteD, this.renameBToC, this.replaceF, this.createD,
				this.createE, this.deactivateE);
		assertThat(results.failed).containsOnly(entry(this.renameBToC, "Grantex said no"),
				entry(this.renameAToB, "not tried: userName b is still taken, since renaming b to c failed"),
				entry(this.createA, "not tried: userName a is still taken, since renaming a to b was not tried"));
		assertThat(outcome).isEqualTo(new ChangeScheduler.Outcome(8, 6, 0, false));
	}

	@Test
	void twoUsersSwappingNamesCannotBeOrderedAndBothAreTried() {
		SyncAction aToB = rename("u1", "a", "b");
		SyncAction bToA = rename("u2", "b", "a");
		SyncAction createC = create("c");

		assertThat(ChangeScheduler.takers(List.of(aToB, bToA, createC))).isEmpty();
		Results results = new Results();
		new ChangeScheduler(List.of(aToB, bToA, createC)).run(1, (action) -> {
		}, results);
		assertThat(results.succeeded).containsExactly(aToB, bToA, createC);
	}

	@Test
	void aLongChainIsFollowedToItsEnd() {
		List<SyncAction> chain = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			chain.add(rename("u" + i, "n" + i, "n" + (i + 1)));
		}
		chain.add(create("n0"));
		List<SyncAction> order = new ArrayList<>();

		new ChangeScheduler(chain).run(16, (action) -> {
			synchronized (order) {
				order.add(action);
			}
		}, new Results());

		assertThat(order).as("from the end of the chain back to the creation").hasSize(1001);
		assertThat(order.get(0)).isEqualTo(chain.get(999));
		assertThat(order.get(1000)).isEqualTo(chain.get(1000));
	}

	@Test
	void aStopEndsTheChangesInFlightAndLeavesTheRestUnmade() throws InterruptedException {
		List<SyncAction> creations = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			creations.add(create("user" + i));
		}
		ChangeScheduler scheduler = new ChangeScheduler(creations);
		CountDownLatch tenMade = new CountDownLatch(10);
		AtomicInteger made = new AtomicInteger();
		Results results = new Results() {

			@Override
			public void succeeded(SyncAction action) {
				super.succeeded(action);
				made.incrementAndGet();
				tenMade.countDown();
			}

		};
		AtomicReference<ChangeScheduler.@Nullable Outcome> outcome = new AtomicReference<>();
		Thread running = new Thread(() -> outcome.set(scheduler.run(4, (action) -> {
			try {
				Thread.sleep((made.get() < 10) ? 1 : 60_000);
			}
			catch (InterruptedException ex) {
				// as the client does when interrupted while waiting to send
				throw new ScimInterruptedException("interrupted", null);
			}
		}, results)));
		running.start();
		assertThat(tenMade.await(10, TimeUnit.SECONDS)).isTrue();

		scheduler.stop();

		assertThat(scheduler.awaitFinished(ChangeScheduler.STOP_GRACE)).isTrue();
		running.join();
		ChangeScheduler.Outcome stopped = outcome.get();
		assertThat(stopped).isNotNull();
		assertThat(stopped.stopped()).isTrue();
		assertThat(results.failed).as("interrupted while waiting: not made, not failed").isEmpty();
		assertThat(stopped.attempted()).isEqualTo(results.succeeded.size());
		assertThat(stopped.notMade()).isEqualTo(100 - results.succeeded.size()).isPositive();
	}

	@Test
	void interruptingTheThreadThatRunsItStopsItAndKeepsTheInterrupt() throws InterruptedException {
		ChangeScheduler scheduler = new ChangeScheduler(List.of(create("a"), create("b")));
		AtomicReference<ChangeScheduler.@Nullable Outcome> outcome = new AtomicReference<>();
		AtomicReference<@Nullable Boolean> stillInterrupted = new AtomicReference<>();
		CountDownLatch started = new CountDownLatch(1);
		Thread running = new Thread(() -> {
			outcome.set(scheduler.run(2, (action) -> {
				started.countDown();
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException ex) {
					throw new ScimInterruptedException("interrupted", null);
				}
			}, new Results()));
			stillInterrupted.set(Thread.currentThread().isInterrupted());
		});
		running.start();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		running.interrupt();
		running.join(TimeUnit.SECONDS.toMillis(20));

		assertThat(outcome.get()).isEqualTo(new ChangeScheduler.Outcome(2, 0, 2, true));
		assertThat(stillInterrupted.get()).isTrue();
	}

	private static SyncAction create(String userName) {
		return new SyncAction(Kind.CREATE, userName, null, null, null, user(userName), List.of(), null);
	}

	private static SyncAction rename(String id, String from, String to) {
		return new SyncAction(Kind.REPLACE, to, null, id, from, user(to), List.of(), null);
	}

	private static DirectoryUser user(String userName) {
		return new DirectoryUser(userName, null, null, null, true);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static class Results implements ChangeScheduler.Listener {

		final List<SyncAction> succeeded = new ArrayList<>();

		final Map<SyncAction, String> failed = new ConcurrentHashMap<>();

		@Override
		public void succeeded(SyncAction action) {
			synchronized (this.succeeded) {
				this.succeeded.add(action);
			}
		}

		@Override
		public void failed(SyncAction action, String reason) {
			this.failed.put(action, reason);
		}

	}

}
