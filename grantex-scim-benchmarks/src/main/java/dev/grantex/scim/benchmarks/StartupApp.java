package dev.grantex.scim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application whose start {@link StartupHarness} times: auto-configuration and
 * nothing else, no web server. It names no Grantex class, so it also runs with the
 * Grantex jars left off the class path.
 *
 * <p>
 * Without arguments it starts once and prints how long {@code SpringApplication.run} took
 * (wall clock, and CPU time of the starting thread) and whether the context holds a
 * {@code ScimClient}. With {@code warm N} it starts {@code N} times in this JVM,
 * alternately with the Grantex auto-configuration on and off ({@code grantex.enabled}),
 * printing each start.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApp {

	/**
	 * The system property that makes the application build a {@code RestClient} of its
	 * own from Boot's builder, as an application that calls any HTTP API does: Boot's JDK
	 * {@code HttpClient} and JSON converters are then made whether or not the starter is
	 * there.
	 */
	static final String APPLICATION_CLIENT = "bench.application-client";

	/** What every start prints before its figures, for the harness to find. */
	static final String MARKER = "startup:";

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	public static void main(String[] args) {
		if (args.length == 2 && args[0].equals("warm")) {
			int starts = Integer.parseInt(args[1]);
			for (int i = 0; i < starts; i++) {
				// alternate in pairs of both orders: on-off, off-on
				boolean enabled = (i % 4 == 0) || (i % 4 == 3);
				start(enabled);
			}
			return;
		}
		start(true);
	}

	private static void start(boolean enabled) {
		long cpu = THREADS.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		SpringApplication application = Boolean.getBoolean(APPLICATION_CLIENT)
				? new SpringApplication(StartupApp.class, ApplicationRestClient.class)
				: new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("logging.level.root", "WARN");
		properties.put("grantex.enabled", Boolean.toString(enabled));
		properties.put("grantex.base-url", "http://127.0.0.1:9");
		properties.put("grantex.scim.token", "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f");
		application.setDefaultProperties(properties);
		try (ConfigurableApplicationContext context = application.run()) {
			long nanos = System.nanoTime() - start;
			long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
			boolean client = context.getBeanNamesForType(
					forName("dev.grantex.scim.ScimClient", StartupApp.class.getClassLoader())).length > 0;
			System.out.println(MARKER + " nanos=" + nanos + " cpu=" + cpuNanos + " beans="
					+ context.getBeanDefinitionCount() + " scimClient=" + client);
		}
	}

	private static Class<?> forName(String name, ClassLoader loader) {
		try {
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException ex) {
			return Void.class;
		}
	}

}
