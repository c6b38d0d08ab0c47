package dev.grantex.scim;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.internal.DefaultScimClientBuilder;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;
import dev.grantex.scim.observation.ScimClientObservationConvention;

/**
 * A client for the Grantex SCIM 2.0 API: SCIM token management ({@code /v1/scim/tokens},
 * authenticated with the developer API key) and the user lifecycle
 * ({@code /scim/v2/Users}, authenticated with a SCIM token).
 *
 * <p>
 * Instances are thread-safe; build one with {@link #builder()} and share it across the
 * application. Every method throws a {@link dev.grantex.scim.error.ScimException} subtype
 * when Grantex refuses the request or cannot be reached, and
 * {@link IllegalArgumentException} for bad arguments, before sending anything.
 */
public interface ScimClient {

	/**
	 * Where the hosted Grantex API lives.
	 */
	URI DEFAULT_BASE_URL = URI.create("https://api.grantex.dev");

	/**
	 * How long the client's own HTTP client waits for a connection unless told otherwise.
	 */
	Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long the client's own HTTP client waits for a response unless told otherwise.
	 */
	Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

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
	 * Paging stops when the server returns an empty page or when the users seen reach its
	 * {@code totalResults}; Grantex's {@code itemsPerPage} is not a page's size and is
	 * not used. Grantex pages by offset: users deleted by someone else while the stream
	 * runs shift later users back, so one may be skipped; users created meanwhile are
	 * appended at the end.
	 * @param pageSize users per request, 1 to 200
	 * @return the users
	 */
	Stream<ScimUser> streamUsers(int pageSize);

	/**
	 * Creates a user ({@code POST /scim/v2/Users}).
	 *
	 * <p>
	 * With retry enabled, an attempt that may have reached the server (a read timeout, a
	 * connection broken after sending, a 502, 503 or 504) is followed by a check whether
	 * it created the user before anything is sent again; if it did, that user is
	 * returned, so a lost answer never creates a user twice nor reports a false failure.
	 * Grantex ignores {@code filter}, so the check reads the developer's users page by
	 * page (one request per 200 users) and matches {@code userName} exactly. It costs
	 * nothing when the first attempt gets an answer.
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
	 * Builds a {@link ScimClient}. Not thread-safe; the client it builds is.
	 */
	interface Builder {

		/**
		 * Sets the Grantex base URL; {@link ScimClient#DEFAULT_BASE_URL} unless set. Must
		 * be absolute {@code http} or {@code https}, without query or fragment; a path
		 * prefix is kept.
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
		 * @param apiKey the API key, or {@code null} for none
		 * @return this builder
		 */
		Builder apiKey(@Nullable String apiKey);

		/**
		 * Sets the SCIM token, used for the user operations on {@code /scim/v2}.
		 * @param scimToken the SCIM token, or {@code null} for none
		 * @return this builder
		 */
		Builder scimToken(@Nullable String scimToken);

		/**
		 * Starts from an existing {@link RestClient.Builder} (for example Spring Boot's,
		 * with its interceptors and observation registry). It is cloned; the given
		 * builder is not changed.
		 * @param restClientBuilder the builder to start from
		 * @return this builder
		 */
		Builder restClientBuilder(RestClient.Builder restClientBuilder);

		/**
		 * Sets the HTTP request factory. Without one, the client sends with a JDK
		 * {@code HttpClient} of its own, with the timeouts set here, each request from
		 * the calling thread. Spring's {@code JdkClientHttpRequestFactory} is used the
		 * same way, through its {@code HttpClient} and with its read timeout: Spring's
		 * factory sends asynchronously, which costs thread hand-offs on every call. Over
		 * {@code http://} a JDK client that would ask for a cleartext HTTP/2 upgrade,
		 * which Grantex refuses, is rebuilt to speak HTTP/1.1 with the same settings. A
		 * {@code SimpleClientHttpRequestFactory} ({@code HttpURLConnection}) is used for
		 * every method but {@code PATCH}, which it cannot send, and {@code DELETE}, which
		 * it sends with a form content type that Grantex refuses; those two go through a
		 * JDK client with the timeouts set here. Other factories are used as given.
		 * @param requestFactory the request factory
		 * @return this builder
		 */
		Builder requestFactory(ClientHttpRequestFactory requestFactory);

		/**
		 * Sets how long to wait for a connection; 10 seconds unless set. Applies to the
		 * JDK client the client creates when no request factory is given, or to send
		 * {@code PATCH} and {@code DELETE} beside {@code HttpURLConnection}.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		Builder connectTimeout(Duration connectTimeout);

		/**
		 * Sets how long a whole answer may take, from sending the request to the last
		 * byte of its body; 30 seconds unless set. Applies to the JDK client the client
		 * creates when no request factory is given, or to send {@code PATCH} and
		 * {@code DELETE} beside {@code HttpURLConnection}; a given factory keeps its own.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		Builder readTimeout(Duration readTimeout);

		/**
		 * Sets whether {@code updateUser} refuses, before sending, operations that
		 * Grantex would accept with 200 and then ignore; {@code true} unless set. Turn it
		 * off only for a server that supports more.
		 * @param enabled whether to check patch operations
		 * @return this builder
		 */
		Builder patchValidation(boolean enabled);

		/**
		 * Sets how failed operations are retried; {@link RetrySettings#defaults()} unless
		 * set.
		 * @param retry the retry settings; {@link RetrySettings#disabled()} turns retry
		 * off
		 * @return this builder
		 */
		Builder retry(RetrySettings retry);

		/**
		 * Adds a listener told of every retry, for example to count retries; listeners
		 * added earlier are kept.
		 * @param retryListener the listener
		 * @return this builder
		 */
		Builder retryListener(RetryListener retryListener);

		/**
		 * Observes every operation, retries included, as one
		 * {@code grantex.scim.client.operation} observation, and each HTTP attempt as
		 * Spring's {@code http.client.requests}; {@link ObservationRegistry#NOOP} unless
		 * set.
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
		 * Builds the client.
		 * @return the client
		 * @throws IllegalArgumentException if the base URL or a credential is malformed
		 */
		ScimClient build();

	}

}
