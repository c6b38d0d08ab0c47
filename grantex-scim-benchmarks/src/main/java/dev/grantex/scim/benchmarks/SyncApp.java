package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.autoconfigure.ScimClientBuilderCustomizer;
import dev.grantex.scim.sample.DirectorySync;
import dev.grantex.scim.sample.DirectoryUser;
import dev.grantex.scim.sample.ProgressPrinter;
import dev.grantex.scim.sample.SyncAction;
import dev.grantex.scim.sample.SyncOptions;
import dev.grantex.scim.sample.SyncReport;
import dev.grantex.scim.sample.SyncSettings;

/**
 * One instance of a directory-sync application, as {@link SyncHarness} runs it in a JVM
 * of its own ({@code -Xmx256m}): auto-configuration with the starter, the sample's
 * {@link DirectorySync} on the {@link ScimClient} bean (default settings, besides any
 * property given), and a directory of generated users. It syncs once, then prints one
 * line of figures for the harness.
 *
 * <p>
 * Its only addition to the client is a request interceptor, through a
 * {@link ScimClientBuilderCustomizer}, that counts the requests sent and the 429s met.
 * The heap is followed through the garbage collector's notifications: the most heap in
 * use after a collection is an upper bound of what the sync needed (a young collection
 * leaves the old generation's garbage in place).
 *
 * <p>
 * Arguments: base URL, SCIM token, API key, number of users, a label, the rate limit's
 * window in milliseconds, then any {@code name=value} properties.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class SyncApp {

	/** What the result line starts with, for the harness to find. */
	static final String MARKER = "sync:";

	/**
	 * The system property that makes the sync plan only, for a look at the heap a plan of
	 * many changes needs.
	 */
	static final String DRY_RUN = "bench.sync.dryRun";

	/** The sample's default concurrency. */
	static final int CONCURRENCY = SyncOptions.DEFAULT_CONCURRENCY;

	private static final AtomicLong HEAP_AFTER_GC = new AtomicLong();

	private static final long SAMPLE_MILLIS = 250;

	@Bean
	DirectorySync directorySync(ScimClient scim) {
		return new DirectorySync(scim);
	}

	@Bean
	RequestCounter requestCounter() {
		return new RequestCounter();
	}

	@Bean
	ScimClientBuilderCustomizer countRequests(RequestCounter counter) {
		return (builder) -> builder.restClientCustomizer((restClient) -> restClient.requestInterceptor(counter));
	}

	public static void main(String[] args) throws Exception {
		followHeap();
		int users = Integer.parseInt(args[3]);
		String label = args[4];
		long windowNanos = Long.parseLong(args[5]) * 1_000_000L;
		SpringApplication application = new SpringApplication(SyncApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.config.name", BeanApplication.CONFIG_NAME);
		properties.put("logging.level.root", "WARN");
		properties.put("grantex.base-url", args[0]);
		properties.put("grantex.scim.token", args[1]);
		properties.put("grantex.api-key", args[2]);
		for (int i = 6; i < args.length; i++) {
			String[] pair = args[i].split("=", 2);
			properties.put(pair[0], pair[1]);
		}
		application.setDefaultProperties(properties);
		try (ConfigurableApplicationContext context = application.run()) {
			List<DirectoryUser> directory = directory(users);
			DirectorySync sync = context.getBean(DirectorySync.class);
			RequestCounter counter = context.getBean(RequestCounter.class);
			Sampler sampler = new Sampler(counter, label, windowNanos);
			sampler.start();
			long startMillis = System.currentTimeMillis();
			SyncReport report = sync.sync(directory,
					new SyncSettings(Boolean.getBoolean(DRY_RUN), false, CONCURRENCY, ProgressPrinter.Style.LIVE),
					new PrintStream(OutputStream.nullOutputStream()));
			long endMillis = System.currentTimeMillis();
			sampler.interrupt();
			sampler.join();
			long rateLimitFailures = report.failures()
				.stream()
				.filter((failure) -> failure.reason().toLowerCase(Locale.ROOT).contains("rate limit")
						|| failure.reason().contains("429"))
				.count();
			report.failures()
				.stream()
				.limit(5)
				.forEach((failure) -> System.err
					.println("[" + label + "] failed: " + failure.action().userName() + ": " + failure.reason()));
			System.out.println(MARKER + " label=" + label + " users=" + users + " startMillis=" + startMillis
					+ " endMillis=" + endMillis + " readMillis="
					+ (report.duration().toMillis() - report.applying().toMillis()) + " created="
					+ report.done(SyncAction.Kind.CREATE) + " replaced=" + report.done(SyncAction.Kind.REPLACE)
					+ " deactivated=" + report.done(SyncAction.Kind.DEACTIVATE) + " unchanged="
					+ report.plan().unchanged() + " planned=" + report.plan().actions().size() + " failed="
					+ report.failures().size() + " rateLimitFailures=" + rateLimitFailures + " notMade="
					+ report.notMade() + " requests=" + counter.requests.get() + " tooMany=" + counter.tooMany.get()
					+ " steadyRate=" + String.format(Locale.ROOT, "%.2f", sampler.steadyRate()) + " heapAfterGcMax="
					+ HEAP_AFTER_GC.get() + " maxHeap=" + Runtime.getRuntime().maxMemory());
			System.out.println("requests each second: " + sampler.perSecond());
		}
	}

	/**
	 * The directory: {@code user-000001@example.com} and on, each with an external id, a
	 * display name and an email, all active; the same for the same {@code users}.
	 */
	static List<DirectoryUser> directory(int users) {
		List<DirectoryUser> directory = new ArrayList<>(users);
		for (int i = 1; i <= users; i++) {
			String userName = String.format(Locale.ROOT, "user-%06d@example.com", i);
			directory.add(new DirectoryUser(userName, String.format(Locale.ROOT, "hr-%06d", i),
					String.format(Locale.ROOT, "User %06d", i), userName, true));
		}
		return directory;
	}

	private static void followHeap() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener((notification, handback) -> {
					if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						return;
					}
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					long used = 0;
					for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
						if (isHeap(pool.getKey())) {
							used += pool.getValue().getUsed();
						}
					}
					HEAP_AFTER_GC.accumulateAndGet(used, Math::max);
				}, null, null);
			}
		}
	}

	private static boolean isHeap(String pool) {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.anyMatch((bean) -> bean.getName().equals(pool) && bean.getType() == MemoryType.HEAP);
	}

	/** Counts the requests sent and the 429s answered. */
	static final class RequestCounter implements ClientHttpRequestInterceptor {

		final AtomicLong requests = new AtomicLong();

		final AtomicLong tooMany = new AtomicLong();

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			this.requests.incrementAndGet();
			ClientHttpResponse response = execution.execute(request, body);
			if (response.getStatusCode().value() == 429) {
				this.tooMany.incrementAndGet();
			}
			return response;
		}

	}

	/**
	 * Samples the requests sent every {@value #SAMPLE_MILLIS} ms, printing the progress
	 * every ten seconds, for the rate once warm: over the whole rate-limit windows after
	 * the first (the server's first window starts with the sync's first request, within
	 * milliseconds of the sampler's start). In the first window the client is still
	 * compiled and warmed, and catches up on its slow start before the window ends.
	 */
	static final class Sampler extends Thread {

		private final RequestCounter counter;

		private final String label;

		private final List<long[]> samples = new ArrayList<>();

		private final long windowNanos;

		Sampler(RequestCounter counter, String label, long windowNanos) {
			super("sync-sampler");
			setDaemon(true);
			this.counter = counter;
			this.label = label;
			this.windowNanos = windowNanos;
		}

		@Override
		public void run() {
			long start = System.nanoTime();
			long printed = start;
			try {
				while (!isInterrupted()) {
					long now = System.nanoTime();
					synchronized (this.samples) {
						this.samples.add(new long[] { now, this.counter.requests.get() });
					}
					if (now - printed >= 10_000_000_000L) {
						printed = now;
						System.err.printf(Locale.ROOT, "[%s] %,d requests in %.0f s%n", this.label,
								this.counter.requests.get(), (now - start) / 1e9);
					}
					Thread.sleep(SAMPLE_MILLIS);
				}
			}
			catch (InterruptedException ex) {
				// done
			}
			synchronized (this.samples) {
				this.samples.add(new long[] { System.nanoTime(), this.counter.requests.get() });
			}
		}

		/**
		 * The requests sent in each second of the sync, for a look at how they spread.
		 */
		String perSecond() {
			synchronized (this.samples) {
				StringBuilder seconds = new StringBuilder();
				long[] first = this.samples.get(0);
				long[] last = first;
				for (long[] sample : this.samples) {
					if (sample[0] - last[0] >= 1_000_000_000L) {
						seconds.append(sample[1] - last[1]).append(' ');
						last = sample;
					}
				}
				return seconds.toString().trim();
			}
		}

		/**
		 * Requests a second over the whole windows after the first, interpolated between
		 * samples; 0 when the sync did not last three windows.
		 */
		double steadyRate() {
			synchronized (this.samples) {
				long start = this.samples.get(0)[0];
				long end = this.samples.get(this.samples.size() - 1)[0];
				long windows = (end - start) / this.windowNanos;
				if (windows < 3) {
					return 0;
				}
				long from = start + this.windowNanos;
				long to = start + windows * this.windowNanos;
				return (countAt(to) - countAt(from)) * 1e9 / (to - from);
			}
		}

		private double countAt(long nanos) {
			long[] before = this.samples.get(0);
			for (long[] sample : this.samples) {
				if (sample[0] >= nanos) {
					long span = sample[0] - before[0];
					return (span <= 0) ? sample[1]
							: before[1] + (sample[1] - before[1]) * (double) (nanos - before[0]) / span;
				}
				before = sample;
			}
			return before[1];
		}

	}

}
