package dev.grantex.scim.sample;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails;
import dev.grantex.scim.error.ScimException;

/**
 * Runs the directory sync from the command line when the application starts (see
 * {@link SyncOptions#USAGE}), and gives the application its exit status: 0 when every
 * change was made, 1 when some failed, 2 when nothing could be done.
 * {@code sync.command.enabled=false} leaves it out, for tests that drive
 * {@link DirectorySync} themselves.
 *
 * <p>
 * The sample directory that ships with the application is applied only to the embedded
 * fake Grantex: against any other Grantex it would deactivate every user it does not
 * list, so there it is planned as a dry run.
 */
@Component
@ConditionalOnProperty(name = "sync.command.enabled", havingValue = "true", matchIfMissing = true)
public class SyncCommand implements ApplicationRunner, ExitCodeGenerator, DisposableBean {

	/**
	 * Every change was made, or there was none to make.
	 */
	public static final int OK = 0;

	/**
	 * Some changes failed; the others were made.
	 */
	public static final int SOME_FAILED = 1;

	/**
	 * Nothing was done: a bad option or directory file, or Grantex could not be read.
	 */
	public static final int NOTHING_DONE = 2;

	private final DirectorySync sync;

	private final GrantexScimConnectionDetails grantex;

	private final ResourceLoader resourceLoader;

	private final Environment environment;

	private final PrintStream out;

	private final PrintStream err;

	private final Terminal terminal;

	private volatile int exitCode = OK;

	private volatile @Nullable CountDownLatch running;

	/**
	 * Creates the command, printing to the standard streams.
	 * @param sync the sync service
	 * @param grantex where Grantex is: the sample's {@link GrantexConnection}, or what
	 * replaced it (test support)
	 * @param resourceLoader to find a {@code classpath:} directory file
	 * @param environment to find the web server's port
	 */
	@Autowired
	public SyncCommand(DirectorySync sync, GrantexScimConnectionDetails grantex, ResourceLoader resourceLoader,
			Environment environment) {
		this(sync, grantex, resourceLoader, environment, System.out, System.err, Terminal.standardStreams());
	}

	/**
	 * Creates the command, printing to the given streams, for tests.
	 * @param sync the sync service
	 * @param grantex where Grantex is: the sample's {@link GrantexConnection}, or what
	 * replaced it (test support)
	 * @param resourceLoader to find a {@code classpath:} directory file
	 * @param environment to find the web server's port
	 * @param out where the plan and the progress go
	 * @param err where errors go
	 * @param terminal whether {@code out} is a terminal
	 */
	SyncCommand(DirectorySync sync, GrantexScimConnectionDetails grantex, ResourceLoader resourceLoader,
			Environment environment, PrintStream out, PrintStream err, Terminal terminal) {
		this.sync = sync;
		this.grantex = grantex;
		this.resourceLoader = resourceLoader;
		this.environment = environment;
		this.out = out;
		this.err = err;
		this.terminal = terminal;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		CountDownLatch done = new CountDownLatch(1);
		this.running = done;
		try {
			this.exitCode = execute(arguments);
		}
		finally {
			done.countDown();
		}
	}

	/**
	 * When the application closes while a sync runs (as on Ctrl+C), stops it, and waits a
	 * few seconds at most for it to print what it made and its summary.
	 */
	@Override
	public void destroy() {
		CountDownLatch done = this.running;
		if (done == null || done.getCount() == 0) {
			return;
		}
		this.sync.stop();
		try {
			done.await(ChangeScheduler.STOP_GRACE.toMillis() + 2000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private int execute(ApplicationArguments arguments) {
		SyncOptions options;
		try {
			options = SyncOptions.parse(arguments);
		}
		catch (IllegalArgumentException ex) {
			this.err.println(ex.getMessage());
			this.err.println(SyncOptions.USAGE);
			return NOTHING_DONE;
		}
		if (options.help()) {
			this.out.println(SyncOptions.USAGE);
			return OK;
		}
		Resource file = options.file().startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)
				? this.resourceLoader.getResource(options.file()) : new FileSystemResource(options.file());
		List<DirectoryUser> directory;
		try {
			directory = DirectoryFile.read(file);
		}
		catch (DirectoryFileException ex) {
			this.err.println(ex.getMessage());
			return NOTHING_DONE;
		}
		boolean embedded = this.grantex instanceof GrantexConnection connection && connection.isEmbedded();
		boolean dryRun = options.dryRun();
		if (!embedded && !dryRun && options.file().equals(SyncOptions.DEFAULT_FILE)) {
			// the sample directory would deactivate every real user it does not list
			this.out.println("The sample directory is applied only to the embedded fake Grantex; against this one it "
					+ "is a dry run. Name your own directory with --file=PATH to apply it.");
			dryRun = true;
		}
		this.out.println("Directory: " + options.file() + ", " + directory.size() + " users.");
		this.out.println("Grantex:   " + grantex(embedded) + (dryRun ? "; dry run, nothing will be changed." : "."));
		SyncSettings settings = new SyncSettings(dryRun, options.deleteMissing(), options.concurrency(),
				ProgressPrinter.Style.of(this.terminal.isTerminal(), options.verbose()));
		int status = OK;
		for (int run = 1; run <= options.runs(); run++) {
			if (options.runs() > 1) {
				this.out.println();
				this.out.println("== Run " + run + " of " + options.runs() + " ==");
			}
			try {
				SyncReport report = this.sync.sync(directory, settings, this.out);
				this.out.println("Summary: " + report.summary());
				if (report.failed()) {
					status = SOME_FAILED;
				}
				if (report.stopped()) {
					break;
				}
			}
			catch (ScimException ex) {
				this.err.println("Could not read the users from Grantex; nothing was changed: " + ex.getMessage());
				return NOTHING_DONE;
			}
		}
		if (status == SOME_FAILED) {
			this.out.println("Some changes failed or were not made (see above); run again to make them.");
		}
		if (options.server()) {
			printServerUrls();
		}
		return status;
	}

	private String grantex(boolean embedded) {
		return this.grantex.baseUrl() + (embedded ? " (the in-process fake)" : "");
	}

	private void printServerUrls() {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			this.out.println(
					"No web server is running: start with --server (or the server profile) to serve " + "Actuator.");
			return;
		}
		String root = "http://localhost:" + port + "/actuator";
		this.out.println();
		this.out.println("Serving Actuator; stop with Ctrl+C:");
		this.out.println("  " + root + "/health");
		this.out.println("  " + root + "/metrics/grantex.scim.client.operation");
	}

}
