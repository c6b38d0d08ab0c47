package dev.grantex.scim.sample;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimInterruptedException;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.sample.SyncAction.Kind;

/**
 * Makes Grantex's users match a directory with the application's {@link ScimClient}:
 * reads every user, plans the changes with {@link SyncPlanner}, prints the plan, and
 * applies it one user at a time, printing each result as it comes. A user that fails is
 * reported and the sync goes on with the next.
 */
@Service
public class DirectorySync {

	/**
	 * Users read per request: the most Grantex returns.
	 */
	static final int PAGE_SIZE = 200;

	private static final int READ_PROGRESS_EVERY = 1000;

	private final ScimClient scim;

	/**
	 * Creates the service.
	 * @param scim the client to read and change users with
	 */
	public DirectorySync(ScimClient scim) {
		this.scim = scim;
	}

	/**
	 * Syncs once.
	 * @param directory the users the directory wants
	 * @param dryRun whether to print the plan only
	 * @param deleteMissing whether to delete, rather than deactivate, users who are not
	 * in the directory
	 * @param out where to print the plan, the progress and the results
	 * @return what was done
	 * @throws ScimException if the users cannot be read; then nothing was changed
	 */
	public SyncReport sync(List<DirectoryUser> directory, boolean dryRun, boolean deleteMissing, PrintStream out) {
		long start = System.nanoTime();
		List<ScimUser> current = readUsers(out);
		SyncPlan plan = SyncPlanner.plan(directory, current, deleteMissing);
		printPlan(plan, directory.size(), out);
		Map<Kind, Integer> done = new EnumMap<>(Kind.class);
		List<SyncReport.Failure> failures = new ArrayList<>();
		if (!dryRun) {
			apply(plan, done, failures, out);
		}
		return new SyncReport(plan, dryRun, done, failures, Duration.ofNanos(System.nanoTime() - start));
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

	private void apply(SyncPlan plan, Map<Kind, Integer> done, List<SyncReport.Failure> failures, PrintStream out) {
		int total = plan.actions().size();
		if (total == 0) {
			return;
		}
		out.println("Applying " + total + " changes...");
		String counter = "  [%" + String.valueOf(total).length() + "d/" + total + "] ";
		int index = 0;
		for (SyncAction action : plan.actions()) {
			index++;
			String prefix = String.format(counter, index);
			try {
				apply(action);
				done.merge(action.kind(), 1, Integer::sum);
				out.println(prefix + pad(action.kind().pastTense()) + action.userName());
			}
			catch (ScimException | IllegalArgumentException ex) {
				String message = ex.getMessage();
				String reason = (message != null) ? message : ex.getClass().getSimpleName();
				failures.add(new SyncReport.Failure(action, reason));
				out.println(prefix + pad("FAILED") + action.userName() + ": could not " + action.kind().verb() + ": "
						+ reason);
				if (ex instanceof ScimInterruptedException) {
					out.println("Interrupted: the remaining " + (total - index) + " changes were not made.");
					return;
				}
			}
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

	private static String pad(String word) {
		return word + " ".repeat(Math.max(1, 12 - word.length()));
	}

}
