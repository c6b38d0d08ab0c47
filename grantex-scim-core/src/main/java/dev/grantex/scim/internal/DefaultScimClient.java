package dev.grantex.scim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilderFactory;
import org.springframework.web.util.UriUtils;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.error.ScimCredential;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;
import dev.grantex.scim.observation.DefaultScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationContext;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationDocumentation;

/**
 * The {@link ScimClient} on Spring's {@link RestClient}. Every operation goes through
 * {@link #execute(Call, BodyReader)}, which picks the credential, sends, records the rate
 * limit and maps failures; the JSON is read straight from the response stream by
 * {@link ScimJson}.
 */
final class DefaultScimClient implements ScimClient {

	private static final ScimClientObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultScimClientObservationConvention();

	private static final int MAX_PAGE_SIZE = 200;

	private static final int DEFAULT_PAGE_SIZE = 100;

	/**
	 * Where {@code RestClient.uri(String, Object...)} keeps the URI template, for
	 * {@code http.client.requests}. The URI is expanded here, so that the template is
	 * parsed once per request rather than twice; the attribute is then set here, to the
	 * same value.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	/**
	 * How much of an error body is read; Grantex's are a few hundred bytes, a proxy's
	 * page may be more.
	 */
	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	private final RestClient restClient;

	/** The base URL as text, without a trailing slash. */
	private final String baseUrl;

	private final UriBuilderFactory uriBuilderFactory;

	/** Each URI template with the base URL, as {@code RestClient} records it. */
	private final ConcurrentHashMap<String, String> uriTemplates = new ConcurrentHashMap<>();

	private final @Nullable String apiKey;

	private final @Nullable String scimToken;

	private final boolean patchValidation;

	private final ScimJson json;

	private final ScimErrors errors;

	private final Clock clock;

	private final AtomicReference<@Nullable RateLimit> lastRateLimit = new AtomicReference<>();

	private final RetryExecutor retry;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ScimClientObservationConvention observationConvention;

	DefaultScimClient(RestClient restClient, UriBuilderFactory uriBuilderFactory, URI baseUrl, @Nullable String apiKey,
			@Nullable String scimToken, boolean patchValidation, Clock clock, RetryExecutor retry,
			ObservationRegistry observationRegistry, @Nullable ScimClientObservationConvention observationConvention) {
		this.restClient = restClient;
		this.baseUrl = baseUrl.toString();
		this.uriBuilderFactory = uriBuilderFactory;
		this.retry = retry;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.apiKey = apiKey;
		this.scimToken = scimToken;
		this.patchValidation = patchValidation;
		this.clock = clock;
		this.json = new ScimJson();
		this.errors = new ScimErrors(this.json, new Redactor(apiKey, scimToken), baseUrl);
	}

	@Override
	public ScimTokenWithSecret createToken(String label) {
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException(
					"label must not be blank: Grantex requires a label for every SCIM token");
		}
		return execute(Call.of(ScimOperation.TOKENS_CREATE).body(this.json.writeTokenRequest(label)),
				this.json::readCreatedToken);
	}

	@Override
	public ListScimTokensResponse listTokens() {
		return execute(Call.of(ScimOperation.TOKENS_LIST), this.json::readTokens);
	}

	@Override
	public void revokeToken(String tokenId) {
		execute(Call.of(ScimOperation.TOKENS_REVOKE).variables(requireId(tokenId, "tokenId")), DefaultScimClient::none);
	}

	@Override
	public ScimListResponse listUsers() {
		return execute(Call.of(ScimOperation.USERS_LIST), this.json::readUserList);
	}

	@Override
	public ScimListResponse listUsers(int startIndex, int count) {
		if (startIndex < 1) {
			throw new IllegalArgumentException(
					"startIndex must be at least 1 (SCIM indexes are 1-based), was " + startIndex);
		}
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		return execute(Call.of(ScimOperation.USERS_LIST)
			.uri("/scim/v2/Users?startIndex={startIndex}&count={count}")
			.variables(startIndex, count), this.json::readUserList);
	}

	@Override
	public Stream<ScimUser> streamUsers() {
		return streamUsers(DEFAULT_PAGE_SIZE);
	}

	@Override
	public Stream<ScimUser> streamUsers(int pageSize) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"pageSize must be between 1 and " + MAX_PAGE_SIZE + " (Grantex's largest page), was " + pageSize);
		}
		return StreamSupport.stream(new UserPager(this::listUsers, pageSize), false);
	}

	@Override
	public ScimUser createUser(CreateScimUserParams params) {
		requireParams(params);
		Call call = Call.of(ScimOperation.USERS_CREATE).body(this.json.writeUser(params)).setsUserName();
		return execute(call, this.json::readUser, () -> findByUserName(params.userName()));
	}

	/**
	 * Whether an earlier, unanswered create took effect; Grantex ignores filter, so this
	 * reads every page.
	 */
	private Optional<ScimUser> findByUserName(String userName) {
		try (Stream<ScimUser> users = streamUsers(MAX_PAGE_SIZE)) {
			return users.filter((user) -> user.userName().equals(userName)).findFirst();
		}
	}

	@Override
	public ScimUser getUser(String userId) {
		return execute(Call.of(ScimOperation.USERS_GET).variables(requireId(userId, "userId")), this.json::readUser);
	}

	@Override
	public ScimUser replaceUser(String userId, CreateScimUserParams params) {
		String id = requireId(userId, "userId");
		requireParams(params);
		return execute(
				Call.of(ScimOperation.USERS_REPLACE).variables(id).body(this.json.writeUser(params)).setsUserName(),
				this.json::readUser);
	}

	@Override
	public ScimUser updateUser(String userId, List<PatchOperation> operations) {
		String id = requireId(userId, "userId");
		if (operations == null || operations.isEmpty()) {
			throw new IllegalArgumentException("operations must not be empty");
		}
		for (PatchOperation operation : operations) {
			if (operation == null) {
				throw new IllegalArgumentException("operations must not contain null");
			}
		}
		if (this.patchValidation) {
			PatchValidator.validate(operations);
		}
		Call call = Call.of(ScimOperation.USERS_UPDATE).variables(id).body(this.json.writePatch(operations));
		return execute(PatchValidator.setsUserName(operations) ? call.setsUserName() : call, this.json::readUser);
	}

	@Override
	public ScimUser updateUser(String userId, PatchOperation... operations) {
		if (operations == null) {
			throw new IllegalArgumentException("operations must not be null");
		}
		return updateUser(userId, Arrays.asList(operations));
	}

	@Override
	public void deleteUser(String userId) {
		execute(Call.of(ScimOperation.USERS_DELETE).variables(requireId(userId, "userId")), DefaultScimClient::none);
	}

	@Override
	public ServiceProviderConfig getServiceProviderConfig() {
		return execute(Call.of(ScimOperation.SERVICE_PROVIDER_CONFIG_GET), this.json::readServiceProviderConfig);
	}

	@Override
	public Optional<RateLimit> lastRateLimit() {
		return Optional.ofNullable(this.lastRateLimit.get());
	}

	private <T extends @Nullable Object> T execute(Call call, BodyReader<T> reader) {
		return execute(call, reader, null);
	}

	/**
	 * Runs one logical operation: observed as a whole, its attempts under the retry
	 * policy.
	 */
	private <T extends @Nullable Object> T execute(Call call, BodyReader<T> reader,
			@Nullable Supplier<Optional<T>> verifier) {
		if (this.observationRegistry.isNoop()) {
			return this.retry.execute(call.operation, () -> send(call, reader), verifier, null);
		}
		ScimOperation operation = call.operation;
		ScimClientObservationContext context = new ScimClientObservationContext(operation.metricName(),
				operation.method().name(), operation.uriTemplate(), call.resourceId());
		call.context = context;
		Observation observation = ScimClientObservationDocumentation.OPERATION.observation(this.observationConvention,
				DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> this.retry.execute(operation, () -> send(call, reader), verifier, () -> {
			context.retried();
			observation.event(ScimClientObservationDocumentation.Events.RETRY);
		}));
	}

	/** Makes one attempt. */
	private <T extends @Nullable Object> T send(Call call, BodyReader<T> reader) {
		ScimOperation operation = call.operation;
		ScimCredential sent = credentialFor(operation);
		String secret = (sent == ScimCredential.API_KEY) ? this.apiKey
				: (sent == ScimCredential.SCIM_TOKEN) ? this.scimToken : null;
		byte[] body = call.body;
		try {
			RestClient.RequestBodySpec request = this.restClient.method(operation.method())
				.uri(uri(call))
				.attribute(URI_TEMPLATE_ATTRIBUTE,
						this.uriTemplates.computeIfAbsent(call.uriTemplate,
								(template) -> this.uriBuilderFactory.uriString(template).toUriString()))
				.headers((headers) -> {
					headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
					if (secret != null) {
						headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
					}
					if (body != null) {
						headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
						headers.setContentLength(body.length);
					}
				});
			if (body != null) {
				request.body((out) -> out.write(body));
			}
			return request.exchange((req, response) -> {
				int status = response.getStatusCode().value();
				if (call.context != null) {
					call.context.setStatus(status);
				}
				HttpHeaders headers = response.getHeaders();
				Instant receivedAt = this.clock.instant();
				RateLimit rateLimit = RateLimits.from(headers, receivedAt);
				if (rateLimit != null) {
					this.lastRateLimit.set(rateLimit);
				}
				if (status >= 200 && status < 300) {
					return read(call, status, response.getBody(), reader);
				}
				byte[] errorBody = response.getBody().readNBytes(MAX_ERROR_BODY_BYTES);
				throw this.errors.fromResponse(operation, status, headers, errorBody, sent, rateLimit,
						RateLimits.retryAfter(headers, receivedAt), call.setsUserName);
			}, true);
		}
		catch (ResourceAccessException ex) {
			throw this.errors.transport(operation, ex);
		}
	}

	/**
	 * The request URI: the base URL and the template with each variable encoded as data,
	 * as {@code UriBuilderFactory} in {@code TEMPLATE_AND_VALUES} mode expands it (so
	 * that an id like {@code a/b} or {@code x?y} stays one path segment), without parsing
	 * the template again on every request.
	 */
	private URI uri(Call call) {
		String template = call.uriTemplate;
		Object[] variables = call.uriVariables;
		if (variables.length == 0) {
			return URI.create(this.baseUrl + template);
		}
		StringBuilder uri = new StringBuilder(this.baseUrl.length() + template.length() + 40).append(this.baseUrl);
		int next = 0;
		int from = 0;
		int open;
		while ((open = template.indexOf('{', from)) >= 0) {
			int close = template.indexOf('}', open);
			uri.append(template, from, open)
				.append(UriUtils.encode(String.valueOf(variables[next++]), StandardCharsets.UTF_8));
			from = close + 1;
		}
		return URI.create(uri.append(template, from, template.length()).toString());
	}

	private <T extends @Nullable Object> T read(Call call, int status, InputStream body, BodyReader<T> reader)
			throws IOException {
		try {
			return reader.read(body);
		}
		catch (JacksonIOException ex) {
			// the connection broke while the body was read: a transport failure, not a
			// bad body
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			throw protocol(call, status, ex.getOriginalMessage(), ex);
		}
		catch (MalformedBodyException ex) {
			throw protocol(call, status, ex.getMessage(), ex);
		}
	}

	private ScimProtocolException protocol(Call call, int status, @Nullable String reason, Exception cause) {
		return new ScimProtocolException("Grantex answered " + call.operation.describe() + " with " + status
				+ ", but the body could not be read: " + reason, status, cause);
	}

	/**
	 * The credential to send: the one the route needs, else, on /scim/v2, the API key as
	 * a fallback.
	 */
	private @Nullable ScimCredential credentialFor(ScimOperation operation) {
		ScimCredential needed = operation.credential();
		if (needed == null) {
			return null;
		}
		if (needed == ScimCredential.API_KEY) {
			if (this.apiKey == null) {
				throw ScimErrors.missing(operation, ScimCredential.API_KEY);
			}
			return ScimCredential.API_KEY;
		}
		if (this.scimToken != null) {
			return ScimCredential.SCIM_TOKEN;
		}
		if (this.apiKey != null) {
			return ScimCredential.API_KEY;
		}
		throw ScimErrors.missing(operation, ScimCredential.SCIM_TOKEN);
	}

	private static String requireId(@Nullable String id, String name) {
		if (id == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		if (id.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		if (id.equals(".") || id.equals("..")) {
			throw new IllegalArgumentException(name + " must not be '.' or '..': it would not name a single resource");
		}
		return id;
	}

	private static void requireParams(@Nullable CreateScimUserParams params) {
		if (params == null) {
			throw new IllegalArgumentException("params must not be null");
		}
	}

	// Void has no value but null. Declared non-null so that NullAway's standard mode
	// (before JDK 22), which
	// cannot see BodyReader<@Nullable Void>, accepts DefaultScimClient::none; JSpecify
	// mode accepts either.
	@SuppressWarnings("NullAway")
	private static Void none(InputStream body) {
		return null;
	}

	@FunctionalInterface
	private interface BodyReader<T extends @Nullable Object> {

		T read(InputStream body) throws IOException;

	}

	/** One request to make: the operation, its URI and variables, and its body. */
	private static final class Call {

		private static final Object[] NO_VARIABLES = {};

		final ScimOperation operation;

		String uriTemplate;

		Object[] uriVariables = NO_VARIABLES;

		byte @Nullable [] body;

		boolean setsUserName;

		@Nullable ScimClientObservationContext context;

		private Call(ScimOperation operation) {
			this.operation = operation;
			this.uriTemplate = operation.uriTemplate();
		}

		static Call of(ScimOperation operation) {
			return new Call(operation);
		}

		Call uri(String uriTemplate) {
			this.uriTemplate = uriTemplate;
			return this;
		}

		Call variables(Object... variables) {
			this.uriVariables = variables;
			return this;
		}

		Call body(byte[] body) {
			this.body = body;
			return this;
		}

		Call setsUserName() {
			this.setsUserName = true;
			return this;
		}

		/**
		 * The id in the URI, for traces: the first variable of a template that names one
		 * resource.
		 */
		@Nullable String resourceId() {
			return (this.uriTemplate.endsWith("{id}") && this.uriVariables.length > 0)
					? String.valueOf(this.uriVariables[0]) : null;
		}

	}

}
