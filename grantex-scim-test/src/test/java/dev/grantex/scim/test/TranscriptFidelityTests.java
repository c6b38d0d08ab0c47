package dev.grantex.scim.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Replays the real server's recorded session
 * ({@code grantex-scim-observed-transcript.md}) against one fake server, entry by entry
 * and in recording order, so that every entry meets the state the real server had at that
 * point, and compares each answer with the recorded one: status, content type, cache
 * control, which rate-limit headers are present (and the limit they announce), body byte
 * length, and the body itself, byte for byte after replacing ids, timestamps, request ids
 * and token secrets with placeholders. Ids are correlated, not just masked: the n-th id
 * the real server handed out must be the n-th id the fake hands out wherever it
 * reappears.
 *
 * <p>
 * The expected statuses, headers and bodies are read from the transcript itself, never
 * re-typed. What the test supplies is only what a recording cannot carry: which
 * credential each placeholder stood for (the recording shows them all as
 * {@code gx_live_EXAMPLEKEY} and {@code <64-hex-scim-token>}), and the setup the
 * recording leaves out (see {@link #beforeEntry}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptFidelityTests {

	private static final String RECORDED_API_KEY = "gx_live_EXAMPLEKEY";

	private static final String RECORDED_SCIM_TOKEN = "<64-hex-scim-token>";

	private static final Pattern ID = Pattern.compile("(scimuser|scimtok)_[0-9A-HJKMNP-TV-Z]{26}");

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

	private static final Pattern REQUEST_ID = Pattern
		.compile("\"requestId\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"");

	private static final Pattern TOKEN_SECRET = Pattern.compile("\"token\":\"[0-9a-f]{64}\"");

	private static final Pattern RETRY_IN = Pattern.compile("retry in (\\d+) seconds");

	private static final List<String> RATE_LIMIT_HEADERS = List.of("x-ratelimit-limit", "x-ratelimit-remaining",
			"x-ratelimit-reset", "retry-after");

	/**
	 * Entries outside the SCIM surface: developer sign-up and profile, the JWKS document.
	 */
	private static final Set<String> NOT_SCIM = Set.of("Signup duplicate email -> 409", "Signup missing name -> 400",
			"Signup sandbox mode (key prefix gx_test_?)", "GET /v1/me with API key");

	/** Entries made with the second developer's ("other tenant's") credentials. */
	private static final Set<String> PEER_API_KEY = Set.of("Other tenant's API key DELETE our SCIM token -> 404",
			"Plan rate limit exceeded on /v1/scim/tokens (free plan = 100/min/developer)",
			"Same developer, POST also limited (shared bucket)");

	private static final Set<String> PEER_SCIM_TOKEN = Set.of(
			"Other tenant's SCIM token GET alice -> 404 (tenant isolation)", "Other tenant's SCIM token list -> empty",
			"Other tenant creates same userName 'bob' -> allowed (unique per developer)",
			"SCIM token of the rate-limited developer still works on /scim/v2 (no plan limiter there)");

	/**
	 * Entries made with the second SCIM token of the main developer (the one later
	 * revoked).
	 */
	private static final Set<String> SECOND_SCIM_TOKEN = Set.of("SCIM token #2 works before revoke",
			"Use revoked SCIM token on /scim/v2/Users");

	/** The one entry whose API key the server had never issued. */
	private static final String UNKNOWN_API_KEY_ENTRY = "List SCIM tokens, bad key";

	/**
	 * The per-IP limit entries: replayed with a limit of one, so no thousands of warm-up
	 * requests.
	 */
	private static final Set<String> PER_IP_EXCEEDED = Set.of(
			"Per-IP limit (5000/min, @fastify/rate-limit) exceeded: GET /scim/v2/Users",
			"Per-IP limit exceeded: POST /scim/v2/Users (rejected before auth; no user created)",
			"Per-IP limit exceeded: no auth", "Per-IP limit exceeded: /v1/scim/tokens");

	private static final int REPLAY_IP_LIMIT = 1;

	/**
	 * The recording skips 13 requests between these two entries (the per-IP counter drops
	 * from 4930 to 4916); they created users, as the total of 20 in "SCIM token #2 works
	 * before revoke" shows against the 14 users the recorded entries leave. The replay
	 * seeds that many before this entry.
	 */
	private static final String ENTRY_AFTER_UNRECORDED_USERS = "PUT replace alice (drops externalId/displayName if omitted)";

	private static final int UNRECORDED_USERS = 6;

	/**
	 * {@code curl -I} records the length of a list that included the unrecorded users'
	 * unknown names.
	 */
	private static final Set<String> LENGTH_NOT_REPRODUCIBLE = Set.of("HEAD /scim/v2/Users");

	private final FakeGrantexServer grantex = FakeGrantexServer.start();

	private final WireClient client = new WireClient(this.grantex.baseUrl());

	private final IdCorrelation ids = new IdCorrelation();

	private final Map<String, String> secretsByEntry = new HashMap<>();

	private String mainApiKey = "";

	private String peerApiKey = "";

	private String peerScimToken = "";

	@BeforeAll
	void registerDevelopers() {
		this.mainApiKey = this.grantex.createDeveloper();
		this.peerApiKey = this.grantex.createDeveloper();
		this.peerScimToken = this.grantex.createScimToken(this.peerApiKey, "peer");
		// The replay takes a few seconds; windows this long cannot roll over in the
		// middle of it.
		this.grantex.ipRateLimit(5000, Duration.ofDays(1));
		this.grantex.planRateLimit(100, Duration.ofDays(3650));
	}

	@AfterAll
	void stop() {
		this.grantex.close();
	}

	@TestFactory
	Stream<DynamicTest> replaysEveryScimEntryOfTheRecordedSession() {
		List<Transcript.Entry> entries = Transcript.load()
			.stream()
			.filter((entry) -> !NOT_SCIM.contains(entry.title()))
			.toList();
		assertThat(entries).as("SCIM entries in the transcript").hasSizeGreaterThan(130);
		List<DynamicTest> tests = new ArrayList<>();
		for (Transcript.Entry entry : entries) {
			tests.add(DynamicTest.dynamicTest(entry.title(), () -> replay(entry)));
		}
		tests.add(DynamicTest.dynamicTest("the POST rejected by the per-IP limit created nothing",
				() -> assertThat(this.grantex.users(this.mainApiKey)).extracting(FakeScimUser::userName)
					.contains("alice@example.com", "bob", "BOB", "12345", "[object Object]")
					.doesNotContain("rl-should-not-exist", "to-delete")));
		return tests.stream();
	}

	private void replay(Transcript.Entry entry) {
		beforeEntry(entry);
		WireClient.Call call = this.client.call(entry.method(), translate(entry.target()));
		for (Transcript.Header header : entry.requestHeaders()) {
			call.header(header.name(), substituteCredentials(entry, header.value()));
		}
		if (entry.requestBody() != null) {
			call.bytes(entry.requestBody());
		}
		WireClient.Reply reply = call.send();
		rememberSecret(entry, reply);
		afterEntry(entry);
		compare(entry, reply);
	}

	/** The state the recording does not show being set up. */
	private void beforeEntry(Transcript.Entry entry) {
		if (entry.title().equals(ENTRY_AFTER_UNRECORDED_USERS)) {
			for (int i = 1; i <= UNRECORDED_USERS; i++) {
				this.grantex.seedUser(this.mainApiKey, "unrecorded-" + i);
			}
		}
		if (entry.title().startsWith("Plan rate limit exceeded")) {
			exhaustPlanLimitOf(this.peerApiKey);
		}
		if (entry.title().startsWith("Per-IP limit (5000/min")) {
			// A window under a minute, so the 429 message speaks in seconds as the
			// recorded one does.
			this.grantex.ipRateLimit(REPLAY_IP_LIMIT, Duration.ofSeconds(59));
			assertThat(this.client.get("/scim/v2/ServiceProviderConfig", null).status()).isEqualTo(200);
		}
	}

	private void afterEntry(Transcript.Entry entry) {
		if (entry.title().equals("Per-IP limit exceeded: /v1/scim/tokens")) {
			this.grantex.ipRateLimit(5000, Duration.ofDays(1));
		}
	}

	private void exhaustPlanLimitOf(String apiKey) {
		for (int i = 0; i <= 100; i++) {
			if (this.client.get("/v1/scim/tokens", apiKey).status() == 429) {
				return;
			}
		}
		fail("The plan limit of 100 requests never answered 429");
	}

	private void compare(Transcript.Entry entry, WireClient.Reply reply) {
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(reply.status()).as("status").isEqualTo(entry.status());
		softly.assertThat(reply.header("content-type"))
			.as("content-type")
			.isEqualTo(entry.responseHeader("content-type"));
		softly.assertThat(reply.header("cache-control"))
			.as("cache-control")
			.isEqualTo(entry.responseHeader("cache-control"));
		for (String name : RATE_LIMIT_HEADERS) {
			softly.assertThat(reply.header(name) != null)
				.as("%s present", name)
				.isEqualTo(entry.responseHeader(name) != null);
		}
		String expectedLimit = PER_IP_EXCEEDED.contains(entry.title()) ? Integer.toString(REPLAY_IP_LIMIT)
				: entry.responseHeader("x-ratelimit-limit");
		softly.assertThat(reply.header("x-ratelimit-limit")).as("x-ratelimit-limit").isEqualTo(expectedLimit);
		for (String absent : List.of("location", "etag", "x-request-id", "www-authenticate")) {
			softly.assertThat(reply.header(absent)).as(absent).isNull();
		}
		String expectedLength = adjustedForRetrySeconds(entry.responseHeader("content-length"), entry, reply);
		if (!LENGTH_NOT_REPRODUCIBLE.contains(entry.title())) {
			softly.assertThat(reply.header("content-length")).as("content-length").isEqualTo(expectedLength);
			softly
				.assertThat(entry.method().equals("HEAD") ? reply.header("content-length")
						: Integer.toString(reply.bodyBytes().length))
				.as("body bytes")
				.isEqualTo((expectedLength != null) ? expectedLength : "0");
		}
		if (reply.status() == 429) {
			Matcher retryIn = RETRY_IN.matcher(reply.body());
			softly.assertThat(retryIn.find() ? retryIn.group(1) : "no 'retry in N seconds' in " + reply.body())
				.as("seconds in the 429 message")
				.isEqualTo(reply.header("retry-after"));
			softly.assertThat(reply.header("retry-after"))
				.as("retry-after")
				.isEqualTo(reply.header("x-ratelimit-reset"));
		}
		softly.assertThat(normalize(reply.body(), false)).as("body").isEqualTo(normalize(entry.responseBody(), true));
		softly.assertAll();
	}

	/**
	 * The recorded length, corrected for a different number of digits in "retry in N
	 * seconds": the replay's windows are longer than the recording's, so the seconds
	 * differ (the body comparison masks the number; the length check should still count
	 * every other byte).
	 */
	private static @Nullable String adjustedForRetrySeconds(@Nullable String recordedLength, Transcript.Entry entry,
			WireClient.Reply reply) {
		Matcher recorded = RETRY_IN.matcher(entry.responseBody());
		Matcher replayed = RETRY_IN.matcher(reply.body());
		if (recordedLength == null || !recorded.find() || !replayed.find()) {
			return recordedLength;
		}
		int difference = replayed.group(1).length() - recorded.group(1).length();
		return Integer.toString(Integer.parseInt(recordedLength) + difference);
	}

	private String substituteCredentials(Transcript.Entry entry, String value) {
		String title = entry.title();
		String substituted = value;
		if (substituted.contains(RECORDED_API_KEY)) {
			String apiKey = title.equals(UNKNOWN_API_KEY_ENTRY) ? RECORDED_API_KEY
					: PEER_API_KEY.contains(title) ? this.peerApiKey : this.mainApiKey;
			substituted = substituted.replace(RECORDED_API_KEY, apiKey);
		}
		if (substituted.contains(RECORDED_SCIM_TOKEN)) {
			String scimToken = PEER_SCIM_TOKEN.contains(title) ? this.peerScimToken : SECOND_SCIM_TOKEN.contains(title)
					? secret("Create SCIM token #2") : secret("Create SCIM token (API key)");
			substituted = substituted.replace(RECORDED_SCIM_TOKEN, scimToken);
		}
		return substituted;
	}

	private String secret(String entryTitle) {
		String secret = this.secretsByEntry.get(entryTitle);
		if (secret == null) {
			throw new IllegalStateException("The entry '" + entryTitle + "' has not created its token yet");
		}
		return secret;
	}

	private void rememberSecret(Transcript.Entry entry, WireClient.Reply reply) {
		if (reply.status() == 201 && entry.target().equals("/v1/scim/tokens")) {
			this.secretsByEntry.put(entry.title(), reply.json().get("token").stringValue());
		}
	}

	/**
	 * Replaces recorded ids in a request target with the fake's ids for the same objects.
	 */
	private String translate(String target) {
		Matcher matcher = ID.matcher(target);
		StringBuilder translated = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(translated, Matcher.quoteReplacement(this.ids.fakeIdFor(matcher.group())));
		}
		matcher.appendTail(translated);
		return translated.toString();
	}

	private String normalize(String body, boolean recorded) {
		Matcher matcher = ID.matcher(body);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(text, Matcher.quoteReplacement(this.ids.placeholder(matcher.group(), recorded)));
		}
		matcher.appendTail(text);
		String normalized = TIMESTAMP.matcher(text).replaceAll("<timestamp>");
		normalized = REQUEST_ID.matcher(normalized).replaceAll("\"requestId\":\"<uuid>\"");
		normalized = RETRY_IN.matcher(normalized).replaceAll("retry in <n> seconds");
		return TOKEN_SECRET.matcher(normalized)
			.replaceAll(Matcher.quoteReplacement("\"token\":\"" + RECORDED_SCIM_TOKEN + "\""));
	}

	/**
	 * Numbers ids in order of first appearance, separately for the recording and for the
	 * fake; the same number on both sides means the same object.
	 */
	private static final class IdCorrelation {

		private final Map<String, Integer> recorded = new HashMap<>();

		private final Map<String, Integer> fake = new HashMap<>();

		private final Map<Integer, String> fakeByNumber = new HashMap<>();

		String placeholder(String id, boolean fromRecording) {
			Map<String, Integer> side = fromRecording ? this.recorded : this.fake;
			Integer number = side.get(id);
			if (number == null) {
				number = side.size() + 1;
				side.put(id, number);
				if (!fromRecording) {
					this.fakeByNumber.put(number, id);
				}
			}
			return id.substring(0, id.indexOf('_')) + "#" + number;
		}

		String fakeIdFor(String recordedId) {
			Integer number = this.recorded.get(recordedId);
			@Nullable String fakeId = (number != null) ? this.fakeByNumber.get(number) : null;
			if (fakeId == null) {
				throw new IllegalStateException("The recording uses " + recordedId + " before any answer carried it");
			}
			return fakeId;
		}

	}

}
