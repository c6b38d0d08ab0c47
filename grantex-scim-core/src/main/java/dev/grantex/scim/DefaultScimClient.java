package dev.grantex.scim;

import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.internal.ScimCallExecutor;
import dev.grantex.scim.internal.call.ScimCall;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.internal.http.ErrorMapper;
import dev.grantex.scim.internal.http.ScimExchange;
import dev.grantex.scim.internal.http.ServerText;
import dev.grantex.scim.internal.json.ScimJson;
import dev.grantex.scim.internal.json.ScimJsonReader;
import dev.grantex.scim.internal.json.ScimJsonWriter;
import dev.grantex.scim.internal.pacing.PacingKeys;
import dev.grantex.scim.internal.pacing.RateLimitPacer;
import dev.grantex.scim.internal.retry.RetryExecutor;
import dev.grantex.scim.internal.users.CreatedUserCheck;
import dev.grantex.scim.internal.users.PatchValidator;
import dev.grantex.scim.internal.users.UserPager;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.ListScimTokensResponse;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.model.ScimListResponse;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.model.ServiceProviderConfig;

/**
 * The {@link ScimClient}: it checks the arguments and states each operation as a
 * {@link ScimCall}; {@link ScimCallExecutor} carries it out.
 */
final class DefaultScimClient implements ScimClient {

	private static final int MAX_PAGE_SIZE = CreatedUserCheck.PAGE_SIZE;

	private static final int DEFAULT_PAGE_SIZE = 100;

	private final DefaultScimClientBuilder settings;

	private final ClientHttpRequestFactory factory;

	private final RestClient.Builder restClientBuilder;

	private final boolean ownsFactory;

	private final RateLimitPacer pacer;

	private final Object engineLock = new Object();

	private volatile @Nullable Engine engine;

	DefaultScimClient(DefaultScimClientBuilder settings, RestClient.Builder restClientBuilder,
			ClientHttpRequestFactory factory, boolean ownsFactory, RateLimitPacer pacer) {
		this.settings = settings.clone();
		this.restClientBuilder = restClientBuilder;
		this.factory = factory;
		this.ownsFactory = ownsFactory;
		this.pacer = pacer;
	}

	/*
	 * What carries out the operations, created by the first: creating it loads Spring's
	 * RestClient, Jackson and most of this client's classes, tens of milliseconds that
	 * would otherwise lengthen the start of every application that injects a client.
	 */
	private Engine engine() {
		Engine engine = this.engine;
		if (engine != null) {
			return engine;
		}
		synchronized (this.engineLock) {
			engine = this.engine;
			if (engine == null) {
				engine = new Engine(this.settings, this.restClientBuilder.build(), this.pacer);
				this.engine = engine;
			}
			return engine;
		}
	}

	@Override
	public ScimTokenWithSecret createToken(String label) {
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException(
					"label must not be blank: Grantex requires a label for every SCIM token");
		}
		Engine engine = engine();
		return engine.executor.execute(
				ScimCall.of(ScimOperation.TOKENS_CREATE).body(engine.writer.writeTokenRequest(label), false),
				engine.reader::readCreatedToken, null);
	}

	@Override
	public ListScimTokensResponse listTokens() {
		Engine engine = engine();
		return engine.executor.execute(ScimCall.of(ScimOperation.TOKENS_LIST), engine.reader::readTokens, null);
	}

	@Override
	public void revokeToken(String tokenId) {
		String id = requireId(tokenId, "tokenId");
		engine().executor.execute(ScimCall.of(ScimOperation.TOKENS_REVOKE, id), DefaultScimClient::none, null);
	}

	@Override
	public ScimListResponse listUsers() {
		Engine engine = engine();
		return engine.executor.execute(ScimCall.of(ScimOperation.USERS_LIST),
				(body) -> engine.reader.readUserList(body, DEFAULT_PAGE_SIZE), null);
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
		Engine engine = engine();
		return engine.executor.execute(ScimCall.of(ScimOperation.USERS_LIST).page(startIndex, count),
				(body) -> engine.reader.readUserList(body, pageLimit(count)), null);
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
		return StreamSupport.stream(new UserPager(pages(this::listUsers), pageSize), false);
	}

	@Override
	public ScimUser createUser(CreateScimUserParams params) {
		requireParams(params);
		Engine engine = engine();
		ScimCall call = ScimCall.of(ScimOperation.USERS_CREATE).body(engine.writer.writeUser(params), true);
		CreatedUserCheck check = new CreatedUserCheck(params, this.settings.clock().instant(),
				(deadline) -> pages((start, count) -> engine.executor.sendOnce(
						ScimCall.of(ScimOperation.USERS_LIST).page(start, count),
						(body) -> engine.reader.readUserList(body, pageLimit(count)), deadline, null)),
				this.settings.nanoTime());
		return engine.executor.execute(call, engine.reader::readUser, check);
	}

	@Override
	public ScimUser getUser(String userId) {
		String id = requireId(userId, "userId");
		Engine engine = engine();
		return engine.executor.execute(ScimCall.of(ScimOperation.USERS_GET, id), engine.reader::readUser, null);
	}

	@Override
	public ScimUser replaceUser(String userId, CreateScimUserParams params) {
		String id = requireId(userId, "userId");
		requireParams(params);
		Engine engine = engine();
		return engine.executor.execute(
				ScimCall.of(ScimOperation.USERS_REPLACE, id).body(engine.writer.writeUser(params), true),
				engine.reader::readUser, null);
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
		if (this.settings.patchValidation()) {
			PatchValidator.validate(operations);
		}
		Engine engine = engine();
		ScimCall call = ScimCall.of(ScimOperation.USERS_UPDATE, id)
			.body(engine.writer.writePatch(operations), PatchValidator.setsUserName(operations));
		return engine.executor.execute(call, engine.reader::readUser, null);
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
		String id = requireId(userId, "userId");
		engine().executor.execute(ScimCall.of(ScimOperation.USERS_DELETE, id), DefaultScimClient::none, null);
	}

	@Override
	public ServiceProviderConfig getServiceProviderConfig() {
		Engine engine = engine();
		return engine.executor.execute(ScimCall.of(ScimOperation.SERVICE_PROVIDER_CONFIG_GET),
				engine.reader::readServiceProviderConfig, null);
	}

	@Override
	public Optional<RateLimit> lastRateLimit() {
		Engine engine = this.engine;
		return (engine != null) ? Optional.ofNullable(engine.pacing.last()) : Optional.empty();
	}

	@Override
	public URI baseUrl() {
		return this.settings.baseUrl();
	}

	@Override
	public Set<ScimCredential> credentials() {
		Set<ScimCredential> credentials = EnumSet.noneOf(ScimCredential.class);
		if (this.settings.apiKey() != null) {
			credentials.add(ScimCredential.API_KEY);
		}
		if (this.settings.scimToken() != null) {
			credentials.add(ScimCredential.SCIM_TOKEN);
		}
		return Collections.unmodifiableSet(credentials);
	}

	@Override
	public ScimClient.Builder mutate() {
		return this.settings.mutation(engine().restClient, this.factory);
	}

	@Override
	public void close() {
		if (this.ownsFactory && this.factory instanceof DisposableBean disposable) {
			try {
				disposable.destroy();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close the Grantex SCIM client's HTTP client", ex);
			}
		}
	}

	/* The most users a page may hold: Grantex clamps the count asked for to 1 to 200. */
	private static int pageLimit(int count) {
		return Math.max(1, Math.min(count, MAX_PAGE_SIZE));
	}

	private UserPager.PageSource pages(PageFetch fetch) {
		return new UserPager.PageSource() {

			@Override
			public ScimListResponse fetch(int startIndex, int count) {
				return fetch.fetch(startIndex, count);
			}

			@Override
			public RuntimeException noProgress(int startIndex) {
				return new ScimProtocolException(
						"Grantex answered GET /scim/v2/Users for the page starting at " + startIndex
								+ " with only users of the page before: paging would not advance, so it stopped.",
						200, null, false);
			}

		};
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
	// (before JDK 22), which cannot see BodyReader<@Nullable Void>, accepts
	// DefaultScimClient::none; JSpecify mode accepts either.
	@SuppressWarnings("NullAway")
	private static Void none(InputStream body) {
		return null;
	}

	@FunctionalInterface
	private interface PageFetch {

		ScimListResponse fetch(int startIndex, int count);

	}

	/**
	 * The parts that carry out the operations.
	 */
	private static final class Engine {

		private final RestClient restClient;

		private final ScimCallExecutor executor;

		private final ScimCallExecutor.Pacing pacing;

		private final ScimJsonReader reader;

		private final ScimJsonWriter writer;

		Engine(DefaultScimClientBuilder settings, RestClient restClient, RateLimitPacer pacer) {
			this.restClient = restClient;
			JsonFactory json = ScimJson.factory(settings.maxResponseBytes());
			this.reader = new ScimJsonReader(json);
			this.writer = new ScimJsonWriter(json);
			ErrorMapper errors = new ErrorMapper(new ServerText(settings.apiKey(), settings.scimToken()),
					settings.baseUrl(), settings.settingNames());
			this.pacing = new ScimCallExecutor.Pacing(pacer, new PacingKeys(settings.baseUrl(), settings.apiKey()),
					errors, settings.sleeper(), settings.nanoTime(), settings.observationRegistry());
			ScimExchange exchange = new ScimExchange(restClient, settings.apiKey(), settings.scimToken(), errors,
					this.reader, settings.clock(), settings.nanoTime(), settings.maxResponseBytes(),
					this.pacing::observe);
			RetryExecutor retry = new RetryExecutor(settings.retry(), settings.nanoTime(), settings.sleeper(),
					DefaultScimClientBuilder::jitter, settings.retryListener(), settings.clientName());
			this.executor = new ScimCallExecutor(exchange, retry, this.pacing, settings.observationRegistry(),
					settings.observationConvention(), settings.clientName(), settings.retry().deadline(),
					settings.readTimeout(), settings.nanoTime());
		}

	}

}
