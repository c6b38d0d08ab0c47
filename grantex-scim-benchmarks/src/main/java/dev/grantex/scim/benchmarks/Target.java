package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.grantex.scim.test.FakeGrantexServer;

/**
 * The server a benchmark talks to: the {@link CannedServer} (prepared bytes; measures the
 * client) or the {@link FakeGrantexServer} (a faithful Grantex; the end-to-end figure).
 */
final class Target implements AutoCloseable {

	/** A SCIM token as Grantex issues them; the canned server does not check it. */
	private static final String CANNED_TOKEN = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f";

	final URI baseUrl;

	final String scimToken;

	final String userId;

	private final @Nullable CannedServer canned;

	private final @Nullable FakeGrantexServer fake;

	private Target(URI baseUrl, String scimToken, String userId, @Nullable CannedServer canned,
			@Nullable FakeGrantexServer fake) {
		this.baseUrl = baseUrl;
		this.scimToken = scimToken;
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
				return new Target(canned.baseUrl(), CANNED_TOKEN, fixtures.userId(), canned, null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (server.equals("fake")) {
			FakeGrantexServer fake = FakeGrantexServer.start();
			// a benchmark sends far more than Grantex's 5,000 requests a minute
			fake.ipRateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1));
			fake.emailsAsArray(emailsAsArray);
			String apiKey = fake.createDeveloper();
			String token = fake.createScimToken(apiKey, "benchmarks");
			String userId = WireFixtures.seed(fake, token);
			return new Target(fake.baseUrl(), token, userId, null, fake);
		}
		throw new IllegalArgumentException("Unknown server " + server);
	}

	/**
	 * Between iterations: the fake server forgets the requests it recorded, so its memory
	 * does not grow.
	 */
	void reset() {
		if (this.fake != null) {
			this.fake.clearRequests();
		}
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
