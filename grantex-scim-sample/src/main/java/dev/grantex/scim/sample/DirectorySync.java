package dev.grantex.scim.sample;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.sample.SyncAction.Kind;

/**
 * Makes Grantex's users match a directory with the application's {@link ScimClient}:
 * reads every user, plans the changes with {@link SyncPlanner}, prints the plan, and
 * applies it on a few threads at once with {@link ChangeScheduler}, showing progress as
 * it goes. A change that fails is reported and the others go on.
 *
 * <p>
 * Each sync plans from what Grantex holds at its start and keeps nothing afterwards, so a
 * sync stopped part way (by {@link #stop()}, when the application closes, or by a crash)
 * leaves nothing the next one needs: the next plan holds what is left.
 */
@Service
public class DirectorySync implements DisposableBean {

	/**
	 * Users read per request: the most Grantex returns.
	 */
	static final int PAGE_SIZE = 200;

	private static final int READ_PROGRESS_EVERY = 1000;

	private final ScimClient scim;

	private final LongSupplier nanoTime;

	private final Object lock = new Object();

	private @Nullable ChangeScheduler applying;

	private @Nullable CountDownLatch reported;

	private boolean closed;

	/**
	 * Creates the service.
	 * @param scim the client to read and change users with
	 */
	@Autowired
	public DirectorySync(ScimClient scim) {
		this(scim, System::nanoTime);
	}

	/**
	 * Creates the service with a clock of its own, for tests.
	 * @param scim the client to read and change users with
	 * @param nanoTime the clock, as {@link System#nanoTime()}
	 */
	DirectorySync(ScimClient scim, LongSupplier nanoTime) {
		this.scim = scim;
		this.nanoTime = nanoTime;
	}

	/**
	 * Syncs once with the default concurrency, printing a line per change.
	 * @param directory the users the directory wants
	 * @param dryRun whether to print the plan only
	 * @param deleteMissing whether to delete, rather than deactivate, users who are not
	 * in the directory
	 * @param out where to print the plan, the progress and the results
	 * @return what was done
	 * @throws ScimException if the users cannot be read; then nothing was changed
	 */
	public SyncReport sync(List<DirectoryUser> directory, boolean dryRun, boolean deleteMissing, PrintStream out) {
		return sync(directory, SyncSettings.of(dryRun, deleteMissing), out);
	}

	/**
	 * Syncs once.
	 * @param directory the users the directory wants
	 * @param settings how
	 * @param out where to print the plan, the progress and the results
	 * @return what was done
	 * @throws ScimException if the users cannot be read; then nothing was changed
	 */
	public SyncReport sync(List<DirectoryUser> directory, SyncSettings settings, PrintStream out) {
		long start = this.nanoTime.getAsLong();
		List<ScimUser> current = readUsers(out);
		SyncPlan plan = SyncPlanner.plan(directory, current, settings.deleteMissing());
		printPlan(plan, directory.size(), out);
		if (settings.dryRun() || plan.isEmpty()) {
			return new SyncReport(plan, settings.dryRun(), Map.of(), List.of(), 0,
					Duration.ofNanos(this.nanoTime.getAsLong() - start), Duration.ZERO);
		}
		return apply(plan, settings, out, start);
	}

	/**
	 * Stops the sync that is applying changes, if any: no further change starts, those in
	 * flight end, and the sync reports what it made and what it did not. Waits, for a few
	 * seconds at most, until it has.
	 */
	public void stop() {
		ChangeScheduler scheduler;
		CountDownLatch done;
		synchronized (this.lock) {
			scheduler = this.applying;
			done = this.reported;
		}
		if (scheduler == null || done == null) {
			return;
		}
		scheduler.stop();
		try {
			done.await(ChangeScheduler.STOP_GRACE.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the sync that is applying changes, when the application closes (as on
	 * Ctrl+C), and keeps any other from applying.
	 */
	@Override
	public void destroy() {
		synchronized (this.lock) {
			this.closed = true;
		}
		stop();
	}

	private List<ScimUser> readUsers(PrintStream out) {
		out.println("Reading users from Grantex...");
		List<ScimUser> users = new ArrayList<>();
		try (Stream<ScimUser> stream = this.scim.streamUsers(PAGE_SIZE)) {
			stream.forEach((user) -> {
				users.add(user);
				if (users.size() % READ_PROGRESS_EVERY == 0) {
					out.println("  " + users.size() + " read...");
				}
			});
		}
		out.println("Read " + users.size() + " users from Grantex.");
		return users;
	}

	private static void printPlan(SyncPlan plan, int directorySize, PrintStream out) {
		if (plan.isEmpty()) {
			out.println(
					"Plan: nothing to change; Grantex already matches the directory's " + directorySize + " users.");
			return;
		}
		out.println("Plan: " + plan.count(Kind.CREATE) + " to create, " + plan.count(Kind.REPLACE) + " to replace, "
				+ plan.count(Kind.DEACTIVATE) + " to deactivate, " + plan.count(Kind.DELETE) + " to delete; "
				+ plan.unchanged() + " unchanged.");
		out.print(PlanTable.render(plan));
	}

	private SyncReport apply(SyncPlan plan, SyncSettings settings, PrintStream out, long start) {
		int total = plan.actions().size();
		ChangeScheduler scheduler = new ChangeScheduler(plan.actions());
		CountDownLatch reported = new CountDownLatch(1);
		synchronized (this.lock) {
			if (this.closed) {
				out.println("Stopped: none of the " + total + " changes were made.");
				return new SyncReport(plan, false, Map.of(), List.of(), total,
						Duration.ofNanos(this.nanoTime.getAsLong() - start), Duration.ZERO);
			}
			this.applying = scheduler;
			this.reported = reported;
		}
		try {
			int threads = Math.min(settings.concurrency(), total);
			out.println("Applying " + total + " changes, " + threads + " at a time...");
			Map<Kind, Integer> done = new EnumMap<>(Kind.class);
			List<SyncReport.Failure> failures = new ArrayList<>();
			ProgressPrinter progress = new ProgressPrinter(out, settings.progress(), total, this.nanoTime);
			long applyStart = this.nanoTime.getAsLong();
			ChangeScheduler.Outcome outcome = scheduler.run(settings.concurrency(), this::apply,
					new ChangeScheduler.Listener() {

						@Override
						public void succeeded(SyncAction action) {
							synchronized (done) {
								done.merge(action.kind(), 1, Integer::sum);
							}
							progress.succeeded(action);
						}

						@Override
						public void failed(SyncAction action, String reason) {
							synchronized (done) {
								failures.add(new SyncReport.Failure(action, reason));
							}
							progress.failed(action, reason);
						}

						@Override
						public void tick() {
							progress.tick();
						}

					});
			progress.finish();
			long end = this.nanoTime.getAsLong();
			synchronized (done) {
				if (outcome.stopped()) {
					int made = done.values().stream().mapToInt(Integer::intValue).sum();
					out.println("Stopped: of the " + total + " changes, " + made + " made, " + failures.size()
							+ " failed, " + outcome.notMade() + " not made; run again to make the rest.");
				}
				return new SyncReport(plan, false, done, failures, outcome.notMade(), Duration.ofNanos(end - start),
						Duration.ofNanos(end - applyStart));
			}
		}
		finally {
			synchronized (this.lock) {
				this.applying = null;
				this.reported = null;
			}
			reported.countDown();
		}
	}

	private void apply(SyncAction action) {
		switch (action.kind()) {
			case CREATE -> this.scim.createUser(required(action.desired()).toParams());
			case REPLACE -> this.scim.replaceUser(required(action.userId()), required(action.desired()).toParams());
			case DEACTIVATE -> this.scim.updateUser(required(action.userId()), PatchOperation.replace("active", false));
			case DELETE -> this.scim.deleteUser(required(action.userId()));
		}
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("The planner left out a value this action needs");
		}
		return value;
	}

}
