package dev.grantex.scim;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.retry.ScimRetryListener;
import dev.grantex.scim.retry.ScimRetrySettings;

/**
 * A client for the Grantex SCIM 2.0 API: SCIM token management ({@code /v1/scim/tokens},
 * authenticated with the developer API key) and the user lifecycle
 * ({@code /scim/v2/Users}, authenticated with a SCIM token).
 *
 * <p>
 * Instances are thread-safe; build one with {@link #builder()} and share it across the
 * application. Every method throws a {@link dev.grantex.scim.error.ScimException} subtype
 * when Grantex refuses the request or cannot be reached, and
 * {@link IllegalArgumentException} for bad arguments, before sending anything. Failed
 * calls are retried by the rules of {@link ScimRetrySettings}.
 *
 * <p>
 * A client closes, when {@linkplain #close() closed}, the HTTP client it created; one
 * given to its builder is left to whoever gave it.
 */
public interface ScimClient extends AutoCloseable {

	/**
	 * Where the hosted Grantex API lives.
	 */
	URI DEFAULT_BASE_URL = URI.create("https://api.grantex.dev");

	/**
	 * How long the client's own HTTP client waits for a connection unless told otherwise.
	 */
	Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long one answer may take unless told otherwise, from sending to the last byte
	 * of its body.
	 */
	Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How many connections to Grantex the client's own HTTP client keeps at most: enough
	 * for 64 threads sharing one client never to queue for one.
	 */
	int DEFAULT_MAX_CONNECTIONS = 64;

	/**
	 * The largest answer the client reads unless told otherwise, after any decompression:
	 * a page of 200 users is about 100 KB.
	 */
	long DEFAULT_MAX_RESPONSE_SIZE = 4L * 1024 * 1024;

	/**
	 * Starts building a client.
	 * @return a new builder
	 */
	static Builder builder() {
		return new DefaultScimClientBuilder();
	}

	/**
	 * Creates a SCIM token for an identity provider ({@code POST /v1/scim/tokens}, API
	 * key).
	 * @param label a label to recognise the token by, e.g. {@code okta-prod}; not blank
	 * @return the token with its secret, which Grantex shows only this once
	 */
	ScimTokenWithSecret createToken(String label);

	/**
	 * Lists the developer's SCIM tokens, newest first, without secrets
	 * ({@code GET /v1/scim/tokens}, API key).
	 * @return the tokens
	 */
	ListScimTokensResponse listTokens();

	/**
	 * Revokes a SCIM token; it stops working at once ({@code DELETE
	 * /v1/scim/tokens/{id}}, API key).
	 * @param tokenId the token's id
	 * @throws dev.grantex.scim.error.ScimNotFoundException if no such token exists for
	 * this developer
	 */
	void revokeToken(String tokenId);

	/**
	 * Reads the first page of users with the server's default page size (100), oldest
	 * first.
	 * @return the page
	 */
	ScimListResponse listUsers();

	/**
	 * Reads one page of users, oldest first. Grantex clamps {@code count} to 1..200, so 0
	 * returns one user.
	 * @param startIndex the 1-based index of the first user; at least 1
	 * @param count the page size; not negative
	 * @return the page
	 */
	ScimListResponse listUsers(int startIndex, int count);

	/**
	 * Streams every user of the developer, oldest first, reading pages of 100 lazily as
	 * the stream is consumed; only one page is held at a time. Close the stream, or
	 * consume it fully, when done.
	 * @return the users
	 * @see #streamUsers(int)
	 */
	Stream<ScimUser> streamUsers();

	/**
	 * Streams every user of the developer, reading pages of {@code pageSize} lazily.
	 *
	 * <p>
	 * Paging stops when the server returns an empty page or when the users seen reach the
	 * {@code totalResults} of the first page; Grantex's {@code itemsPerPage} is not a
	 * page's size and is not used. Grantex pages by offset: users deleted by someone else
	 * while the stream runs shift later users back, so one may be skipped; users created
	 * meanwhile may be missed. A page holding more users than asked for, or only users of
	 * the page before, fails the stream with a
	 * {@link dev.grantex.scim.error.ScimProtocolException}.
	 * @param pageSize users per request, 1 to 200
	 * @return the users
	 */
	Stream<ScimUser> streamUsers(int pageSize);

	/**
	 * Creates a user ({@code POST /scim/v2/Users}).
	 *
	 * <p>
	 * With retry enabled, an attempt that may have reached the server is followed by a
	 * check whether it created the user before anything is sent again, as
	 * {@link ScimRetrySettings} describes, so that a lost answer neither creates a user
	 * twice nor reports a false failure. It costs nothing when the first attempt gets an
	 * answer.
	 * @param params the user's attributes
	 * @return the user as stored
	 * @throws dev.grantex.scim.error.ScimServerException with
	 * {@code likelyDuplicateUserName()} when the {@code userName} is taken (Grantex
	 * answers 500, not 409)
	 */
	ScimUser createUser(CreateScimUserParams params);

	/**
	 * Reads a user ({@code GET /scim/v2/Users/{id}}).
	 * @param userId the user's id
	 * @return the user
	 * @throws dev.grantex.scim.error.ScimNotFoundException if no such user exists for
	 * this developer
	 */
	ScimUser getUser(String userId);

	/**
	 * Replaces a user's attributes ({@code PUT /scim/v2/Users/{id}}): whatever
	 * {@code params} leaves out is cleared. Use
	 * {@link CreateScimUserParams#from(ScimUser)} to start from what the user has.
	 * @param userId the user's id
	 * @param params the complete new attributes
	 * @return the user as stored
	 */
	ScimUser replaceUser(String userId, CreateScimUserParams params);

	/**
	 * Changes some of a user's attributes ({@code PATCH /scim/v2/Users/{id}}).
	 *
	 * <p>
	 * Grantex applies only {@code add} and {@code replace} on {@code active},
	 * {@code userName} and {@code displayName}, and silently ignores everything else;
	 * unless the builder's {@link Builder#patchValidation(boolean) patch validation} is
	 * turned off, such operations are refused with an {@link IllegalArgumentException}
	 * before anything is sent.
	 * @param userId the user's id
	 * @param operations the operations, applied in order; not empty
	 * @return the user as stored afterwards
	 */
	ScimUser updateUser(String userId, List<PatchOperation> operations);

	/**
	 * Changes some of a user's attributes; see {@link #updateUser(String, List)}.
	 * @param userId the user's id
	 * @param operations the operations, applied in order; not empty
	 * @return the user as stored afterwards
	 */
	ScimUser updateUser(String userId, PatchOperation... operations);

	/**
	 * Deletes a user; Grantex deletes for good ({@code DELETE /scim/v2/Users/{id}}).
	 * @param userId the user's id
	 * @throws dev.grantex.scim.error.ScimNotFoundException if no such user exists for
	 * this developer
	 */
	void deleteUser(String userId);

	/**
	 * Reads what the server supports ({@code GET /scim/v2/ServiceProviderConfig}); needs
	 * no credential.
	 * @return the configuration
	 */
	ServiceProviderConfig getServiceProviderConfig();

	/**
	 * The rate-limit state reported by the most recent response that carried rate-limit
	 * headers, as one consistent snapshot of that response.
	 * @return the last rate limit seen, or empty before any
	 */
	Optional<RateLimit> lastRateLimit();

	/**
	 * The Grantex base URL this client calls.
	 * @return the base URL, without user information, query or fragment
	 */
	URI baseUrl();

	/**
	 * Which credentials this client was given, for a health check to know what it can
	 * verify.
	 * @return the credentials, possibly none
	 */
	Set<ScimCredential> credentials();

	/**
	 * A builder that starts from this client's settings and shares its HTTP client and
	 * its rate-limit pacing, to build a client that differs in some settings (another
	 * timeout, no retries) but calls the same Grantex the same way. It starts from this
	 * client's {@code RestClient} as its {@link Builder#restClientCustomizer customizers}
	 * left it, so they are not applied twice (a {@code MockRestServiceServer} binds
	 * once); a {@link Builder#restClientBuilder RestClient builder} given to it replaces
	 * that, and a {@link Builder#requestFactory request factory} given to it is used
	 * instead. The client it builds does not close this one's HTTP client.
	 * @return a new builder
	 */
	Builder mutate();

	/**
	 * Closes the HTTP client this client created, if any; one given to its builder is
	 * left open. The client cannot be used afterwards.
	 */
	@Override
	void close();

	/**
	 * Builds a {@link ScimClient}. Not thread-safe; the client it builds is.
	 */
	interface Builder {

		/**
		 * Sets the Grantex base URL; {@link ScimClient#DEFAULT_BASE_URL} unless set. Must
		 * be absolute {@code http} or {@code https}, without user information, query or
		 * fragment; a path prefix is kept.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		Builder baseUrl(URI baseUrl);

		/**
		 * Sets the Grantex base URL from text; see {@link #baseUrl(URI)}.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		Builder baseUrl(String baseUrl);

		/**
		 * Sets the developer API key, used for token management. Without a SCIM token,
		 * user operations send it too, which the current Grantex server refuses.
		 * @param apiKey the API key, visible ASCII only, or {@code null} for none
		 * @return this builder
		 */
		Builder apiKey(@Nullable String apiKey);

		/**
		 * Sets the SCIM token, used for the user operations on {@code /scim/v2}.
		 * @param scimToken the SCIM token, visible ASCII only, or {@code null} for none
		 * @return this builder
		 */
		Builder scimToken(@Nullable String scimToken);

		/**
		 * Starts from an existing {@link RestClient.Builder} (for example with
		 * interceptors). It is cloned; the given builder is not changed. Its request
		 * factory is replaced by the client's (see {@link #requestFactory}).
		 * @param restClientBuilder the builder to start from
		 * @return this builder
		 */
		Builder restClientBuilder(RestClient.Builder restClientBuilder);

		/**
		 * Adds a step applied to the client's {@link RestClient.Builder} after its
		 * request factory is set, so that it may replace it (as Spring's
		 * {@code MockRestServiceServer} does in tests); steps added earlier are kept.
		 * @param customizer the step
		 * @return this builder
		 */
		Builder restClientCustomizer(Consumer<RestClient.Builder> customizer);

		/**
		 * Sets the HTTP client to send with, used as given and not closed by the client.
		 * Without one, the client creates its own on the first request: Apache HttpClient
		 * 5 when it is on the class path, else the JDK's {@code HttpClient}, set up by
		 * {@link dev.grantex.scim.http.ScimApacheHttpClient} or
		 * {@link dev.grantex.scim.http.ScimJdkHttpClient} with the timeouts and pool size
		 * set here.
		 *
		 * <p>
		 * Grantex requires what those set up: HTTP/1.1 over {@code http://} (it refuses
		 * the cleartext HTTP/2 upgrade the JDK client asks for by default), and no
		 * redirects followed (its API never redirects, and following one could send the
		 * credential elsewhere). The client cannot see inside a given factory: it refuses
		 * a 3xx answer whatever the factory, explains Grantex's refusal of an HTTP/2
		 * upgrade, and refuses outright Spring's {@code SimpleClientHttpRequestFactory},
		 * whose {@code HttpURLConnection} cannot send {@code PATCH}, sends {@code DELETE}
		 * with a content type Grantex refuses, and follows redirects.
		 * @param requestFactory the request factory
		 * @return this builder
		 */
		Builder requestFactory(ClientHttpRequestFactory requestFactory);

		/**
		 * Sets how long the client's own HTTP client waits for a connection;
		 * {@link ScimClient#DEFAULT_CONNECT_TIMEOUT} unless set.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		Builder connectTimeout(Duration connectTimeout);

		/**
		 * Sets how long one answer may take, from sending the request to the last byte of
		 * its body, on any HTTP client; also the read timeout of the client's own HTTP
		 * client. {@link ScimClient#DEFAULT_READ_TIMEOUT} unless set.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		Builder readTimeout(Duration readTimeout);

		/**
		 * Sets how many connections the client's own HTTP client keeps at most;
		 * {@link ScimClient#DEFAULT_MAX_CONNECTIONS} unless set.
		 * @param maxConnections at least 1
		 * @return this builder
		 */
		Builder maxConnections(int maxConnections);

		/**
		 * Sets the largest answer to read, after any decompression; a larger one fails
		 * with a {@link dev.grantex.scim.error.ScimProtocolException} without being read.
		 * {@link ScimClient#DEFAULT_MAX_RESPONSE_SIZE} unless set.
		 * @param maxResponseBytes at least 64 KiB
		 * @return this builder
		 */
		Builder maxResponseSize(long maxResponseBytes);

		/**
		 * Sets whether {@code updateUser} refuses, before sending, operations that
		 * Grantex would accept with 200 and then ignore; {@code true} unless set. Turn it
		 * off only for a server that supports more.
		 * @param enabled whether to check patch operations
		 * @return this builder
		 */
		Builder patchValidation(boolean enabled);

		/**
		 * Sets how failed operations are retried; {@link ScimRetrySettings#defaults()}
		 * unless set.
		 * @param retry the retry settings; {@link ScimRetrySettings#disabled()} turns
		 * retry off
		 * @return this builder
		 */
		Builder retry(ScimRetrySettings retry);

		/**
		 * Adds a listener told of every retry, for example to count retries; listeners
		 * added earlier are kept.
		 * @param retryListener the listener
		 * @return this builder
		 */
		Builder retryListener(ScimRetryListener retryListener);

		/**
		 * Sets whether requests are paced under the rate limit Grantex announces in its
		 * answers' headers, so that a burst waits instead of meeting 429; {@code true}
		 * unless set. Clients built from one builder, its clones and their
		 * {@link ScimClient#mutate() mutations} share one pacing.
		 * @param enabled whether to pace
		 * @return this builder
		 */
		Builder rateLimitPacing(boolean enabled);

		/**
		 * Sets the share of each rate limit that pacing leaves unused, for clients that
		 * do not pace (another tool calling Grantex from the same IP address); 0 unless
		 * set. Clients that all pace need none, since each reads what all of them have
		 * left.
		 * @param reserve at least 0 and less than 1
		 * @return this builder
		 */
		Builder rateLimitReserve(double reserve);

		/**
		 * Observes every operation, retries included, as one
		 * {@code grantex.scim.client.operation} observation, each wait for the rate limit
		 * as {@code grantex.scim.client.pacing}, and each HTTP attempt as Spring's
		 * {@code http.client.requests}; {@link ObservationRegistry#NOOP} unless set.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		Builder observationRegistry(ObservationRegistry observationRegistry);

		/**
		 * Replaces the convention that names and tags the operation observations;
		 * {@link dev.grantex.scim.observation.DefaultScimClientObservationConvention}
		 * unless set.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		Builder observationConvention(ScimClientObservationConvention observationConvention);

		/**
		 * Names the client in its observations ({@code client.name}), to tell several
		 * clients apart, one per Grantex account say; {@code grantex} unless set. Keep it
		 * low-cardinality: never an id per tenant of many.
		 * @param clientName a short name, e.g. {@code acme}
		 * @return this builder
		 */
		Builder clientName(String clientName);

		/**
		 * Sets how messages name the settings a user changes to fix a failure; the
		 * builder calls unless set (the Spring Boot starter names its properties).
		 * @param baseUrl the setting of the base URL
		 * @param apiKey the setting of the API key
		 * @param scimToken the setting of the SCIM token
		 * @return this builder
		 */
		Builder settingNames(String baseUrl, String apiKey, String scimToken);

		/**
		 * A copy of this builder, sharing its rate-limit pacing, so that clients built
		 * from both share the budget Grantex announces.
		 * @return the copy
		 */
		Builder clone();

		/**
		 * Builds the client. The settings are checked and the
		 * {@link #restClientCustomizer customizers} applied now; the rest (its
		 * {@code RestClient}, JSON reading and writing, retry and pacing) is created by
		 * the first operation, so that an application that injects a client does not pay
		 * for it at start-up.
		 * @return the client
		 * @throws IllegalArgumentException if a setting cannot work with Grantex
		 */
		ScimClient build();

	}

}
