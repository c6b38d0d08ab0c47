package dev.grantex.scim.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import dev.grantex.scim.test.internal.ExchangeDispatcher;
import dev.grantex.scim.test.internal.FaultQueue;
import dev.grantex.scim.test.internal.GrantexState;
import dev.grantex.scim.test.internal.RequestJournal;

/**
 * An in-process fake of the Grantex SCIM server that answers on a loopback port exactly
 * as the real Grantex auth-service does, so client code can be tested over real HTTP
 * without a Grantex installation, and against the real server's quirks rather than
 * against the SCIM RFC.
 *
 * <p>
 * What it reproduces (see {@code grantex-scim-wire-contract.md}): the two credentials
 * (developer API key on {@code /v1/scim/tokens}, SCIM token on {@code /scim/v2/Users});
 * the exact bodies and member order of every answer, in the three error shapes;
 * {@code emails} double-encoded as a JSON string; 500 for a duplicate {@code userName};
 * 415 for {@code application/scim+json}; the lenient PATCH; paging that clamps
 * {@code count} and echoes it as {@code itemsPerPage}; the per-IP and per-developer rate
 * limiters and their headers; the refusal of cleartext HTTP/2 upgrades that the JDK
 * {@code HttpClient} attempts by default; per-developer tenant isolation.
 *
 * <p>
 * It can also fail on purpose: {@link #faults()} scripts, request by request, the
 * failures a client meets in production (429 bursts, 5xx, HTML error pages, slow answers,
 * dropped connections, answers cut short), for testing retries and error handling, and
 * the answers of a hostile server (redirects, echoed credentials, huge, inflating and
 * endless bodies, endless lists), for testing a client's defences; see
 * {@link FaultScript} and {@link Fault}.
 *
 * <p>
 * Use one server per test class or per test; everything is in memory and thread-safe, so
 * clients may call it from many threads at once.
 *
 * <pre>{@code
 * try (FakeGrantexServer grantex = FakeGrantexServer.start()) {
 *     String apiKey = grantex.createDeveloper();
 *     String scimToken = grantex.createScimToken(apiKey, "okta-prod");
 *     // point the client at grantex.baseUrl() with scimToken ...
 *     assertThat(grantex.users(apiKey)).extracting(FakeScimUser::userName).containsExactly("alice");
 * }
 * }</pre>
 */
public final class FakeGrantexServer implements AutoCloseable {

	/**
	 * One worker per client thread of a 64-thread test. Ordinary requests never block a
	 * worker for long, and on loopback the CPU, not the pool, limits throughput (16 and
	 * 64 workers serve 64 keep-alive clients equally fast); but a worker writing a large
	 * body to a client that reads slowly is held until it is done, and with 16 workers 16
	 * such clients stall every other request. Delays, stalls and trickles hold no worker.
	 */
	private static final int WORKER_THREADS = 64;

	private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

	private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

	static {
		// The JDK server writes a response's head and body as two TCP segments; with
		// Nagle's algorithm on, the client's delayed ACK then stalls many responses by
		// about 40 ms. The JDK server reads this switch once, when it is first used in
		// the JVM, so it is set (unless chosen otherwise) before any fake starts.
		if (System.getProperty(NO_DELAY_PROPERTY) == null) {
			System.setProperty(NO_DELAY_PROPERTY, "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final ScheduledExecutorService scheduler;

	private final GrantexState state;

	private final RequestJournal journal;

	private final FaultScript faults;

	private final URI baseUrl;

	private final AtomicBoolean closed = new AtomicBoolean();

	private FakeGrantexServer(HttpServer server, ExecutorService executor, ScheduledExecutorService scheduler,
			GrantexState state, RequestJournal journal, FaultScript faults) {
		this.server = server;
		this.executor = executor;
		this.scheduler = scheduler;
		this.state = state;
		this.journal = journal;
		this.faults = faults;
		this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/**
	 * Starts a fake server on a free port of {@code 127.0.0.1}, with no developers yet
	 * and the real server's default rate limits (5,000 requests per minute per IP, 100
	 * per minute per developer on the token routes).
	 * @return the running server; close it when done
	 * @throws UncheckedIOException when no loopback port can be bound
	 */
	public static FakeGrantexServer start() {
		int number = SERVER_NUMBER.incrementAndGet();
		AtomicInteger threadNumber = new AtomicInteger();
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, "fake-grantex-" + number + "-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, threads);
		// Delays are waited out here, not on a worker, so a slow answer never holds up
		// other requests.
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "fake-grantex-" + number + "-delays");
			thread.setDaemon(true);
			return thread;
		});
		try {
			InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
			HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 128);
			GrantexState state = new GrantexState();
			RequestJournal journal = new RequestJournal();
			FaultQueue faults = new FaultQueue();
			server.createContext("/", new ExchangeDispatcher(state, journal, faults, scheduler, executor));
			server.setExecutor(executor);
			server.start();
			return new FakeGrantexServer(server, executor, scheduler, state, journal, new FaultScript(faults));
		}
		catch (IOException ex) {
			scheduler.shutdownNow();
			executor.shutdownNow();
			throw new UncheckedIOException("Could not start the fake Grantex server on a loopback port", ex);
		}
	}

	/**
	 * The base URL to configure a client with.
	 * @return {@code http://127.0.0.1:<port>}, without a trailing slash
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Registers a developer (a tenant, on the free plan), as signing up would.
	 * @return the developer's API key, {@code gx_test_} followed by random characters; it
	 * authenticates {@code /v1/scim/tokens} and identifies the developer in the
	 * inspection methods
	 */
	public String createDeveloper() {
		return this.state.createDeveloper();
	}

	/**
	 * Creates a SCIM token for a developer directly in the store, exactly as
	 * {@code POST /v1/scim/tokens} would, without a request (so it neither counts against
	 * a rate limit nor appears in {@link #requests()}).
	 * @param apiKey the developer's API key, from {@link #createDeveloper()}
	 * @param label the token's label, not empty
	 * @return the token secret (64 lowercase hex characters) that authenticates
	 * {@code /scim/v2/Users}
	 * @throws IllegalArgumentException for an unknown API key or an empty label
	 */
	public String createScimToken(String apiKey, String label) {
		return this.state.createScimToken(apiKey, label);
	}

	/**
	 * The developer's users as stored, for asserting on what a client provisioned.
	 * @param apiKey the developer's API key
	 * @return a snapshot, oldest first (the order of the server's list)
	 * @throws IllegalArgumentException for an unknown API key
	 */
	public List<FakeScimUser> users(String apiKey) {
		return this.state.users(apiKey);
	}

	/**
	 * The developer's SCIM tokens, for asserting on what a client created or revoked.
	 * @param apiKey the developer's API key
	 * @return a snapshot, newest first (the order of {@code GET /v1/scim/tokens}),
	 * revoked tokens included and marked
	 * @throws IllegalArgumentException for an unknown API key
	 */
	public List<FakeScimToken> tokens(String apiKey) {
		return this.state.tokens(apiKey);
	}

	/**
	 * Stores a user directly, as {@code POST /scim/v2/Users} with only a {@code userName}
	 * would: active, no display name, no external id, {@code emails} {@code "[]"}. For
	 * arranging a test's starting state without requests.
	 * @param apiKey the developer's API key
	 * @param userName the user name, not empty, unique for the developer (case-sensitive)
	 * @return the stored user
	 * @throws IllegalArgumentException for an unknown API key or an empty user name
	 * @throws IllegalStateException when the server would refuse the user (duplicate or
	 * too long user name), which over HTTP would be a 500
	 */
	public FakeScimUser seedUser(String apiKey, String userName) {
		return this.state.seedUser(apiKey, userName);
	}

	/**
	 * Stores {@code count} users directly, each as {@link #seedUser(String, String)}
	 * would, named {@code user-1@example.com}, {@code user-2@example.com} and so on,
	 * numbered on from this developer's previous call (a second call for 10 users after
	 * one for 100 gives {@code user-101} to {@code user-110}). For arranging a large
	 * directory quickly: 100,000 users take a few hundred milliseconds. All or none are
	 * stored.
	 * @param apiKey the developer's API key
	 * @param count how many users, zero or more
	 * @return the stored users, oldest first
	 * @throws IllegalArgumentException for an unknown API key or a negative count
	 * @throws IllegalStateException when one of the names is taken already (then none is
	 * stored)
	 */
	public List<FakeScimUser> seedUsers(String apiKey, int count) {
		return this.state.seedUsers(apiKey, count);
	}

	/**
	 * Stores users with these user names directly, each as
	 * {@link #seedUser(String, String)} would, in the order given, all or none.
	 * @param apiKey the developer's API key
	 * @param userNames the user names, each not empty, not taken and given once
	 * @return the stored users, in the order given
	 * @throws IllegalArgumentException for an unknown API key or an empty user name
	 * @throws IllegalStateException when the server would refuse one of the users
	 * (duplicate or too long user name), which over HTTP would be a 500; then none is
	 * stored
	 */
	public List<FakeScimUser> seedUsers(String apiKey, List<String> userNames) {
		return this.state.seedUsers(apiKey, List.copyOf(userNames));
	}

	/**
	 * Deletes every user of the developer directly, as {@code DELETE /scim/v2/Users/{id}}
	 * for each would, without requests (so the per-IP limit, which a hundred thousand
	 * deletions over HTTP would exceed, plays no part).
	 * @param apiKey the developer's API key
	 * @return the number of users deleted
	 * @throws IllegalArgumentException for an unknown API key
	 */
	public int deleteUsers(String apiKey) {
		return this.state.deleteUsers(apiKey);
	}

	/**
	 * Every request received since the start or the last {@link #clearRequests()}, with
	 * the status answered, for asserting on what a client put on the wire: the latest
	 * 100,000 of them, unless {@link #recordRequests(int)} chose another limit. Requests
	 * a scripted fault was used on are included (see {@link RecordedRequest#fault()}), so
	 * the list counts every attempt the server saw, answered or not; so are requests to
	 * paths the server does not know, with their headers.
	 * @return a snapshot in arrival order
	 */
	public List<RecordedRequest> requests() {
		return this.journal.snapshot();
	}

	/**
	 * Forgets the recorded requests, e.g. after a test's arrange phase, and sets
	 * {@link #requestCount()} back to zero.
	 */
	public void clearRequests() {
		this.journal.clear();
	}

	/**
	 * The number of requests received since the start or the last
	 * {@link #clearRequests()}, whether {@link #requests()} keeps them or not: for
	 * counting a benchmark's requests with recording limited or off.
	 * @return zero or more
	 */
	public long requestCount() {
		return this.journal.received();
	}

	/**
	 * Limits how many requests {@link #requests()} keeps: only the latest
	 * {@code maxRequests}, the oldest dropped first, or none at all with {@code 0}. Each
	 * kept request holds its headers and body, about 1.5 KB for an ordinary one, so the
	 * default keeps the latest 100,000 (about 150 MB at most); a load test of millions of
	 * requests may keep none, and {@link #requestCount()} still counts them all. Takes
	 * effect at once, dropping the oldest requests beyond the new limit.
	 * @param maxRequests the most requests to keep, zero or more;
	 * {@link Integer#MAX_VALUE} for all of them
	 * @throws IllegalArgumentException for a negative number
	 */
	public void recordRequests(int maxRequests) {
		this.journal.limit(maxRequests);
	}

	/**
	 * Sets the per-IP limit, which the real server applies to every route (counted before
	 * authentication and body parsing) at 5,000 requests per minute. Its window starts
	 * with an address's first request. Every address starts a fresh window now. Use a
	 * small limit to test a client's handling of 429 and {@code retry-after} without
	 * sending thousands of requests, or scale limit and window down together to keep the
	 * real rate in a short run: {@code ipRateLimit(500, Duration.ofSeconds(6))} allows
	 * what the real server does, in tenths. The count is exact under any number of
	 * concurrent requests: of a burst, exactly the limit is answered and the rest get
	 * 429.
	 * @param requestsPerWindow the number of requests allowed per window, zero or more
	 * @param window the window length, at least one millisecond
	 */
	public void ipRateLimit(int requestsPerWindow, Duration window) {
		this.state.ipRateLimit(requestsPerWindow, window);
	}

	/**
	 * Sets the per-developer plan limit, which the real server applies only to the
	 * API-key routes ({@code /v1/scim/tokens}) at 100 requests per minute on the free
	 * plan (500 on pro, 2,000 on enterprise), in windows aligned to the wall clock
	 * (multiples of the window length). The limit applies to every developer alike. Every
	 * developer starts a fresh window now; scaled down as for {@link #ipRateLimit}, the
	 * count is exact under concurrency too.
	 * @param requestsPerWindow the number of requests allowed per window, zero or more
	 * @param window the window length, at least one millisecond
	 */
	public void planRateLimit(int requestsPerWindow, Duration window) {
		this.state.planRateLimit(requestsPerWindow, window);
	}

	/**
	 * Chooses how a user's {@code emails} goes on the wire. The real server
	 * double-encodes it: a JSON string holding JSON text
	 * ({@code "emails":"[{\"value\":…}]"}). A fixed server would send the JSON array
	 * itself; a client must accept both, and this switch lets a test check each.
	 * @param conformant {@code false} (the default) for the real server's JSON string,
	 * {@code true} for the stored JSON value itself (normally an array)
	 */
	public void emailsAsArray(boolean conformant) {
		this.state.emailsAsArray(conformant);
	}

	/**
	 * The server's fault script, for making chosen requests fail in chosen ways (see
	 * {@link FaultScript}). Empty until a test enqueues faults; the same script for the
	 * server's whole life, and it is not cleared by {@link #clearRequests()}.
	 * @return the script
	 */
	public FaultScript faults() {
		return this.faults;
	}

	/**
	 * Stops the server at once and releases its port; calling it again does nothing.
	 * Requests still waiting out a scripted delay are abandoned: their connections are
	 * closed unanswered.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.scheduler.shutdownNow();
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "FakeGrantexServer[" + this.baseUrl + (this.closed.get() ? ", closed" : "") + "]";
	}

}
