package dev.grantex.scim.sample;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Directory sync: makes Grantex's users match a directory file. See
 * {@link SyncOptions#USAGE} for the command line and the README for the file format.
 */
@SpringBootApplication
public class DirectorySyncApplication {

	/**
	 * The profile {@code --server} turns on: a web server with Actuator, and the
	 * application keeps running.
	 */
	public static final String SERVER_PROFILE = "server";

	/**
	 * Runs the sync, then exits with its status; with {@code --server}, keeps running
	 * instead.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		if (AotDetector.useGeneratedArtifacts() && SyncOptions.isServer(args)) {
			// the web server's beans are decided when the application is built ahead of
			// time, without the server profile
			System.err.println("--server is not available when running with Spring AOT (spring.aot.enabled=true): "
					+ "run without it.");
			System.exit(SyncCommand.NOTHING_DONE);
		}
		ConfigurableApplicationContext context = application(args).run(args);
		if (!SyncOptions.isServer(args)) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * Builds the application as {@link #main(String[])} runs it: with the
	 * {@value #SERVER_PROFILE} profile for {@code --server}.
	 * @param args the command line
	 * @return the application, not yet run
	 */
	public static SpringApplication application(String... args) {
		SpringApplication application = new SpringApplication(DirectorySyncApplication.class);
		if (SyncOptions.isServer(args)) {
			application.setAdditionalProfiles(SERVER_PROFILE);
		}
		return application;
	}

}
