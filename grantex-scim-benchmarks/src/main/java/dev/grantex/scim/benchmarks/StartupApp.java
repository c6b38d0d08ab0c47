package dev.grantex.scim.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application whose start {@link StartupHarness} times: auto-configuration and
 * nothing else, no web server, and the {@code grantex.*} properties. It names no Grantex
 * or HTTP class, so it also runs with neither on the class path.
 *
 * <p>
 * A start is {@code SpringApplication.run} and then, when the context has a
 * {@code ScimClient} bean (which the auto-configuration declares lazy), getting it, as an
 * application that injects the client does at its start. Without arguments it starts once
 * and prints how long that took (wall clock, and the CPU time of the starting thread),
 * the classes loaded, the bean definitions, whether there was a client, and which HTTP
 * clients the class path holds. With {@code warm N} it starts {@code N} times in this
 * JVM, alternately with the Grantex auto-configuration on and off
 * ({@code grantex.enabled}), printing each start.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApp {

	/** What every start prints before its figures, for the harness to find. */
	static final String MARKER = "startup:";

	private static final String SCIM_CLIENT = "dev.grantex.scim.ScimClient";

	/** The classes whose presence tells which HTTP clients the class path holds. */
	static final Map<String, String> PROBES = Map.of("grantex", SCIM_CLIENT, "httpclient5",
			"org.apache.hc.client5.http.classic.HttpClient", "spring-web", "org.springframework.web.client.RestClient",
			"jersey", "org.glassfish.jersey.client.JerseyClient", "servlet", "jakarta.servlet.Servlet",
			"jackson-databind", "tools.jackson.databind.ObjectMapper");

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
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("logging.level.root", "WARN");
		properties.put("grantex.enabled", Boolean.toString(enabled));
		properties.put("grantex.base-url", "http://127.0.0.1:9");
		properties.put("grantex.scim.token", "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f");
		properties.put("grantex.api-key", "gx_test_3b9d7f1a5c2e8d4b6f0a9c1e7d3b5f2a");
		application.setDefaultProperties(properties);
		try (ConfigurableApplicationContext context = application.run()) {
			Class<?> clientType = forName(SCIM_CLIENT);
			boolean client = false;
			long clientStart = System.nanoTime();
			if (clientType != null && context.getBeanNamesForType(clientType).length > 0) {
				context.getBean(clientType);
				client = true;
			}
			long clientNanos = System.nanoTime() - clientStart;
			long nanos = System.nanoTime() - start;
			long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
			System.out.println(MARKER + " nanos=" + nanos + " cpu=" + cpuNanos + " clientNanos=" + clientNanos
					+ " classes=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + " beans="
					+ context.getBeanDefinitionCount() + " scimClient=" + client + " present="
					+ String.join(",", present()));
		}
	}

	/** Which of the {@link #PROBES} the class path holds. */
	private static List<String> present() {
		List<String> present = new ArrayList<>();
		PROBES.forEach((name, className) -> {
			if (forName(className) != null) {
				present.add(name);
			}
		});
		present.sort(null);
		return present;
	}

	private static @Nullable Class<?> forName(String name) {
		try {
			return Class.forName(name, false, StartupApp.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
