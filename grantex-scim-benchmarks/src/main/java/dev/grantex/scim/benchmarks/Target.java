package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.FakeGrantexServer;

/**
 * The server a benchmark talks to: the {@link CannedServer} (prepared bytes; measures the
 * client) or the {@link FakeGrantexServer} (a faithful Grantex; the end-to-end figure),
 * with the credentials to send it.
 */
final class Target implements AutoCloseable {

	/** A SCIM token as Grantex issues them; the canned server does not check it. */
	private static final String CANNED_TOKEN = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f";

	/**
	 * A developer API key as Grantex issues them; the canned server does not check it.
	 */
	private static final String CANNED_API_KEY = "gx_test_3b9d7f1a5c2e8d4b6f0a9c1e7d3b5f2a";

	final URI baseUrl;

	final String scimToken;

	final String apiKey;

	final String userId;

	private final @Nullable CannedServer canned;

	private final @Nullable FakeGrantexServer fake;

	private Target(URI baseUrl, String scimToken, String apiKey, String userId, @Nullable CannedServer canned,
			@Nullable FakeGrantexServer fake) {
		this.baseUrl = baseUrl;
		this.scimToken = scimToken;
		this.apiKey = apiKey;
		this.userId = userId;
		this.canned = canned;
		this.fake = fake;
	}

	/**
	 * Starts a server.
	 * @param server {@code canned} or {@code fake}
	 * @param emailsAsArray whether {@code emails} is sent as the conformant array instead
	 * of Grantex's string
	 * @param totalResults for the canned server, the number of users it pretends to hold
	 */
	static Target start(String server, boolean emailsAsArray, int totalResults) {
		if (server.equals("canned")) {
			WireFixtures fixtures = WireFixtures.capture(emailsAsArray);
			try {
				CannedServer canned = new CannedServer(fixtures, totalResults);
				return new Target(canned.baseUrl(), CANNED_TOKEN, CANNED_API_KEY, fixtures.userId(), canned, null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (server.equals("fake")) {
			FakeGrantexServer fake = FakeGrantexServer.start();
			// a benchmark sends far more than Grantex's 5,000 requests a minute: the
			// limit
			// announced is so large that pacing never waits
			fake.ipRateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1));
			// the server's own cost, not its journal's
			fake.recordRequests(0);
			fake.emailsAsArray(emailsAsArray);
			String apiKey = fake.createDeveloper();
			String token = fake.createScimToken(apiKey, "benchmarks");
			String userId = WireFixtures.seed(fake, token);
			return new Target(fake.baseUrl(), token, apiKey, userId, null, fake);
		}
		throw new IllegalArgumentException("Unknown server " + server);
	}

	/**
	 * The canned server, for checks of what clients send.
	 * @return the canned server, or {@code null} for the fake
	 */
	@Nullable CannedServer canned() {
		return this.canned;
	}

	@Override
	public void close() throws IOException {
		if (this.canned != null) {
			this.canned.close();
		}
		if (this.fake != null) {
			this.fake.close();
		}
	}

}
