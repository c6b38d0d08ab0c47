package dev.grantex.scim.sample;

import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

/**
 * The command line of the directory sync.
 *
 * @param file where the directory file is: a file path, or {@code classpath:} and a
 * resource
 * @param dryRun whether to print the plan only
 * @param deleteMissing whether to delete, rather than deactivate, users who are not in
 * the directory
 * @param runs how many times to sync in a row, 1 to 10
 * @param concurrency the most changes in flight at once, 1 to {@value #MAX_CONCURRENCY}
 * @param verbose whether to print a line per change on a terminal too
 * @param server whether to keep running afterwards, serving Actuator
 * @param help whether to print the usage only
 */
public record SyncOptions(String file, boolean dryRun, boolean deleteMissing, int runs, int concurrency,
		boolean verbose, boolean server, boolean help) {

	/**
	 * The directory file used unless {@code --file} names another: the sample that ships
	 * with the application.
	 */
	public static final String DEFAULT_FILE = "classpath:directory.csv";

	/**
	 * How many changes are in flight at once unless {@code --concurrency} says otherwise:
	 * enough to reach Grantex's rate limit (5,000 requests a minute per IP address, 83 a
	 * second) when a change takes about 100 ms, measured against the fake Grantex with
	 * answers delayed by that much (8 reached 92 % of the limit, 12 and more 98 %). The
	 * client paces itself under the limit whatever the concurrency, so more threads only
	 * wait.
	 */
	public static final int DEFAULT_CONCURRENCY = 12;

	/**
	 * The most changes in flight at once: the connections the client keeps to Grantex by
	 * default ({@code grantex.http.max-connections}).
	 */
	public static final int MAX_CONCURRENCY = 64;

	/**
	 * The option that keeps the application running; also read before it starts, to
	 * choose the profile.
	 */
	public static final String SERVER = "server";

	// Spring Boot's own switches, which have no dot
	private static final Set<String> SPRING_OPTIONS = Set.of("debug", "trace");

	/**
	 * The usage text.
	 */
	public static final String USAGE = """
			Usage: directory-sync [--file=PATH] [--dry-run] [--delete] [--concurrency=N] [--verbose] [--runs=N]
			                      [--server] [--help]
			  --file=PATH      the directory file (CSV: userName,externalId,displayName,email,active);
			                   default: the sample that ships with the application (classpath:directory.csv)
			  --dry-run        print the plan only; change nothing
			  --delete         delete users who are not in the directory, instead of deactivating them
			  --concurrency=N  make up to N changes at once (1 to 64, default 12); the client keeps under
			                   Grantex's rate limit whatever N is
			  --verbose        print a line per change on a terminal too, not only the progress line
			  --runs=N         sync N times in a row (1 to 10); with --runs=2, the second run shows that a
			                   sync that has been applied leaves nothing to change
			  --server         keep running afterwards, with Actuator on http://localhost:8080/actuator
			Stopping (Ctrl+C) is safe at any moment: changes in flight end, and the next run plans what is left.
			Grantex: with GRANTEX_BASE_URL (grantex.base-url) unset, an in-process fake Grantex is started and
			synced into; otherwise GRANTEX_BASE_URL, GRANTEX_API_KEY and GRANTEX_SCIM_TOKEN say where and how.
			Exit status: 0 all changes made, 1 some changes failed, 2 nothing done (bad option or file, or
			Grantex could not be read).""";

	/**
	 * Reads the options; options with a dot in their name are Spring properties (such as
	 * {@code --grantex.base-url=...}) and are left to Spring Boot.
	 * @param arguments the command line
	 * @return the options
	 * @throws IllegalArgumentException for an unknown option, a stray argument or a bad
	 * value
	 */
	public static SyncOptions parse(ApplicationArguments arguments) {
		if (!arguments.getNonOptionArgs().isEmpty()) {
			throw new IllegalArgumentException(
					"Unexpected argument " + arguments.getNonOptionArgs().get(0) + "; options start with --");
		}
		for (String name : arguments.getOptionNames()) {
			if (!name.contains(".") && !SPRING_OPTIONS.contains(name)
					&& !List.of("file", "dry-run", "delete", "concurrency", "verbose", "runs", SERVER, "help")
						.contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		String file = value(arguments, "file", DEFAULT_FILE);
		if (file.isBlank()) {
			throw new IllegalArgumentException("--file needs a path: --file=PATH");
		}
		int runs = number(arguments, "runs", 1, 1, 10);
		int concurrency = number(arguments, "concurrency", DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
		return new SyncOptions(file, flag(arguments, "dry-run"), flag(arguments, "delete"), runs, concurrency,
				flag(arguments, "verbose"), flag(arguments, SERVER), flag(arguments, "help"));
	}

	private static int number(ApplicationArguments arguments, String name, int otherwise, int min, int max) {
		String text = value(arguments, name, String.valueOf(otherwise));
		int number;
		try {
			number = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			number = min - 1;
		}
		if (number < min || number > max) {
			throw new IllegalArgumentException(
					"--" + name + " must be a number from " + min + " to " + max + ", not " + text);
		}
		return number;
	}

	/**
	 * Whether the command line asks for the server mode, before Spring Boot has read it.
	 * @param args the command line
	 * @return whether it holds {@code --server}
	 */
	public static boolean isServer(String... args) {
		return List.of(args).contains("--" + SERVER) || List.of(args).contains("--" + SERVER + "=true");
	}

	private static String value(ApplicationArguments arguments, String name, String otherwise) {
		List<String> values = arguments.getOptionValues(name);
		if (values == null || values.isEmpty()) {
			if (values != null) {
				throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
			}
			return otherwise;
		}
		return values.get(values.size() - 1);
	}

	private static boolean flag(ApplicationArguments arguments, String name) {
		List<String> values = arguments.getOptionValues(name);
		if (values == null) {
			return false;
		}
		String value = values.isEmpty() ? "true" : values.get(values.size() - 1);
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("--" + name + " takes no value, or true or false");
		};
	}

}
