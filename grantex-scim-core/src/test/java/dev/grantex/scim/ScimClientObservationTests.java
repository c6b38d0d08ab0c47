package dev.grantex.scim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimRetryReason;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.model.ScimUser;
import dev.grantex.scim.observation.DefaultScimClientObservationConvention;
import dev.grantex.scim.observation.ScimClientObservationContext;
import dev.grantex.scim.observation.ScimClientObservationConvention;
import dev.grantex.scim.retry.ScimRetryListener;
import dev.grantex.scim.retry.ScimRetrySettings;
import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.FakeScimUser;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;
import dev.grantex.scim.test.junit.GrantexScimFake;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The observations the client makes, asserted with Micrometer's
 * {@link TestObservationRegistry} against the fake Grantex server: one
 * {@code grantex.scim.client.operation} per logical operation with its outcome class,
 * final status, exception and retries, Spring's per-attempt {@code http.client.requests}
 * under it tagged by URI template, and no personal data, id or secret in any
 * low-cardinality key.
 */
class ScimClientObservationTests {

	private static final String OPERATION = DefaultScimClientObservationConvention.NAME;

	private static final String HTTP_CLIENT_REQUESTS = "http.client.requests";

	/** A fresh server for each test, with a developer account and a SCIM token on it. */
	@GrantexScimFake
	private FakeGrantexServer server;

	@GrantexScimFake
	private FakeGrantexAccount account;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private ScimClient.Builder observed() {
		return ScimClient.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(this.account.apiKey())
			.scimToken(this.account.scimToken())
			.observationRegistry(this.registry);
	}

	private static ScimRetrySettings retryAtOnce(int maxAttempts) {
		return ScimRetrySettings.builder().maxAttempts(maxAttempts).initialDelay(Duration.ZERO).jitter(0).build();
	}

	@Test
	void aSuccessfulOperationIsOneObservationWithItsOperationStatusAndId() {
		FakeScimUser alice = this.server.seedUser(this.account.apiKey(), "alice");
		observed().build().getUser(alice.id());

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 1)
			.hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("grantex.scim users.get")
			.hasLowCardinalityKeyValue("operation", "users.get")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasHighCardinalityKeyValue("grantex.scim.resource.id", alice.id())
			.doesNotHaveError()
			.doesNotHaveEvent("retry");
		assertThat(contextOf("users.get").getRetries()).isZero();
	}

	@Test
	void anOperationWithoutAnIdHasNoHighCardinalityKey() {
		observed().build().listUsers();

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("operation", "users.list")
			.doesNotHaveHighCardinalityKeyValueWithKey("grantex.scim.resource.id");
	}

	@Test
	void aRefusedRequestIsAClientError() {
		ScimClient client = observed().build();
		assertThatExceptionOfType(ScimNotFoundException.class).isThrownBy(() -> client.getUser("scimuser_missing"));

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("outcome", "client-error")
			.hasLowCardinalityKeyValue("status", "404")
			.hasLowCardinalityKeyValue("exception", "ScimNotFoundException")
			.hasError();
	}

	@Test
	void aMissingCredentialIsAClientErrorWithoutStatus() {
		ScimClient client = ScimClient.builder()
			.baseUrl(this.server.baseUrl())
			.scimToken(this.account.scimToken())
			.observationRegistry(this.registry)
			.build();
		assertThatExceptionOfType(ScimMissingCredentialException.class).isThrownBy(client::listTokens);

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("operation", "tokens.list")
			.hasLowCardinalityKeyValue("outcome", "client-error")
			.hasLowCardinalityKeyValue("status", "none")
			.hasLowCardinalityKeyValue("exception", "ScimMissingCredentialException");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(HTTP_CLIENT_REQUESTS, 0);
	}

	@Test
	void anInternalServerErrorIsAServerError() {
		this.server.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(500));
		ScimClient client = observed().build();
		assertThatExceptionOfType(ScimServerException.class).isThrownBy(client::listUsers);

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("outcome", "server-error")
			.hasLowCardinalityKeyValue("status", "500")
			.hasLowCardinalityKeyValue("exception", "ScimServerException");
	}

	@Test
	void anUnreadableAnswerIsAServerError() {
		this.server.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/ServiceProviderConfig"),
					Fault.status(200, "text/html", "<html>maintenance</html>"));
		ScimClient client = observed().retry(ScimRetrySettings.disabled()).build();
		assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(client::getServiceProviderConfig);

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("operation", "service-provider-config.get")
			.hasLowCardinalityKeyValue("outcome", "server-error")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("exception", "ScimProtocolException");
	}

	@Test
	void aRateLimitIsRateLimited() {
		this.server.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.rateLimited(Duration.ofSeconds(1)));
		ScimClient client = observed().retry(ScimRetrySettings.disabled()).build();
		assertThatExceptionOfType(ScimRateLimitException.class).isThrownBy(client::listUsers);

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("outcome", "rate-limited")
			.hasLowCardinalityKeyValue("status", "429")
			.hasLowCardinalityKeyValue("exception", "ScimRateLimitException");
	}

	@Test
	void aRefusedConnectionIsATransportErrorWithoutStatus() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		ScimClient client = ScimClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.scimToken(this.account.scimToken())
			.retry(ScimRetrySettings.disabled())
			.observationRegistry(this.registry)
			.build();
		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(client::listUsers);

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("outcome", "transport-error")
			.hasLowCardinalityKeyValue("status", "none")
			.hasLowCardinalityKeyValue("exception", "ScimTransportException");
	}

	@Test
	void retriesAreOneObservationThatCountsThemWithAnEventEach() {
		FakeScimUser alice = this.server.seedUser(this.account.apiKey(), "alice");
		this.server.faults()
			.enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503), Fault.serverError(503));
		List<ScimRetryListener.RetryEvent> retries = new CopyOnWriteArrayList<>();
		observed().retry(retryAtOnce(4)).retryListener(retries::add).build().getUser(alice.id());

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 1)
			.hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("status", "200")
			.hasEvent("retry");
		assertThat(contextOf("users.get").getRetries()).isEqualTo(2);
		assertThat(retries).extracting(ScimRetryListener.RetryEvent::operation, (event) -> event.reason().tag())
			.containsExactly(tuple("users.get", "server-unavailable"), tuple("users.get", "server-unavailable"));
		// every attempt is also Spring's http.client.requests, a child of the operation,
		// tagged by URI template
		assertThat(contexts(HTTP_CLIENT_REQUESTS)).hasSize(3)
			.allSatisfy((attempt) -> ObservationContextAssert.assertThat(attempt)
				.hasLowCardinalityKeyValue("uri", "/scim/v2/Users/{id}")
				.hasParentObservationContextMatching((parent) -> OPERATION.equals(parent.getName())))
			.extracting((attempt) -> lowCardinality(attempt, "status"))
			.containsExactly("503", "503", "200");
	}

	@Test
	void theFinalStatusIsNoneWhenTheLastAttemptGotNoAnswer() {
		FakeScimUser alice = this.server.seedUser(this.account.apiKey(), "alice");
		this.server.faults()
			.enqueue(FaultTarget.route("DELETE", "/scim/v2/Users"), Fault.serverError(503),
					Fault.dropBeforeProcessing());
		ScimClient client = observed().retry(retryAtOnce(2)).build();
		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(() -> client.deleteUser(alice.id()));

		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("operation", "users.delete")
			.hasLowCardinalityKeyValue("outcome", "transport-error")
			.hasLowCardinalityKeyValue("status", "none")
			.hasLowCardinalityKeyValue("exception", "ScimTransportException");
		assertThat(contextOf("users.delete").getRetries()).isEqualTo(1);
	}

	@Test
	void noPersonalDataIdOrSecretInAnyLowCardinalityKeyOfAnyOperation() {
		ScimClient client = observed().build();
		ScimTokenWithSecret token = client.createToken("okta-prod-label");
		client.listTokens();
		ScimUser alice = client.createUser(CreateScimUserParams.builder("alice.liddell")
			.displayName("Alice Liddell")
			.email(ScimEmail.primary("alice@example.com", "work"))
			.build());
		client.getUser(alice.id());
		client.replaceUser(alice.id(),
				CreateScimUserParams.builder("alice.liddell")
					.displayName("Alice Pleasance Liddell")
					.email(ScimEmail.primary("alice@example.com", "work"))
					.build());
		client.updateUser(alice.id(), PatchOperation.replace("active", false));
		client.listUsers();
		client.listUsers(1, 10);
		client.deleteUser(alice.id());
		client.getServiceProviderConfig();
		client.revokeToken(token.id());

		List<String> personal = List.of("alice.liddell", "Alice", "alice@example.com", "okta-prod-label",
				this.account.apiKey(), this.account.scimToken(), token.token());
		List<String> ids = List.of(alice.id(), token.id());
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			assertThat(contexts).filteredOn((context) -> OPERATION.equals(context.getName()))
				.extracting((context) -> ((ScimClientObservationContext) context).getOperation())
				.containsOnly("tokens.create", "tokens.list", "users.create", "users.list", "users.get",
						"users.replace", "users.update", "users.delete", "service-provider-config.get",
						"tokens.revoke");
			for (Observation.Context context : contexts) {
				assertThat(values(context.getLowCardinalityKeyValues())).as("low-cardinality keys of %s", context)
					.allSatisfy(notContainingAny(personal))
					.allSatisfy(notContainingAny(ids));
				assertThat(values(context.getHighCardinalityKeyValues())).as("high-cardinality keys of %s", context)
					.allSatisfy(notContainingAny(personal));
			}
		});
		assertThat(contexts(HTTP_CLIENT_REQUESTS)).isNotEmpty()
			.extracting((attempt) -> lowCardinality(attempt, "uri"))
			.containsOnly("/v1/scim/tokens", "/v1/scim/tokens/{id}", "/scim/v2/Users", "/scim/v2/Users/{id}",
					"/scim/v2/Users?startIndex={startIndex}&count={count}", "/scim/v2/ServiceProviderConfig");
	}

	@Test
	void aCustomConventionNamesAndTagsTheObservations() {
		ScimClientObservationConvention custom = new DefaultScimClientObservationConvention() {

			@Override
			public String getName() {
				return "provisioning.calls";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(ScimClientObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("method", context.getMethod())
					.and("uri", context.getUriTemplate());
			}

		};
		FakeScimUser alice = this.server.seedUser(this.account.apiKey(), "alice");
		observed().observationConvention(custom).build().getUser(alice.id());

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 0)
			.hasObservationWithNameEqualTo("provisioning.calls")
			.that()
			.hasLowCardinalityKeyValue("operation", "users.get")
			.hasLowCardinalityKeyValue("method", "GET")
			.hasLowCardinalityKeyValue("uri", "/scim/v2/Users/{id}");
	}

	@Test
	void withoutARegistryTheClientWorksAndStillTellsItsRetryListener() {
		this.server.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));
		List<ScimRetryListener.RetryEvent> retries = new ArrayList<>();
		ScimClient client = ScimClient.builder()
			.baseUrl(this.server.baseUrl())
			.scimToken(this.account.scimToken())
			.retry(retryAtOnce(2))
			.retryListener(retries::add)
			.build();
		assertThat(client.listUsers().totalResults()).isZero();
		assertThat(retries).singleElement()
			.satisfies((retry) -> assertThat(retry.reason()).isEqualTo(ScimRetryReason.SERVER_UNAVAILABLE));

		ScimClient noop = observed().observationRegistry(ObservationRegistry.NOOP).build();
		assertThat(noop.listUsers().totalResults()).isZero();
		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void anObservationTurnedOffByAPredicateStillRunsTheOperation() {
		this.registry.observationConfig().observationPredicate((name, context) -> !name.startsWith("grantex"));
		this.server.faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));
		ScimClient client = observed().retry(retryAtOnce(2)).build();
		assertThat(client.listUsers().totalResults()).isZero();

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 0)
			.hasNumberOfObservationsWithNameEqualTo(HTTP_CLIENT_REQUESTS, 2);
	}

	private ScimClientObservationContext contextOf(String operation) {
		List<ScimClientObservationContext> found = new ArrayList<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
			.filter(ScimClientObservationContext.class::isInstance)
			.map(ScimClientObservationContext.class::cast)
			.filter((context) -> context.getOperation().equals(operation))
			.forEach(found::add));
		assertThat(found).as("observations of %s", operation).hasSize(1);
		return found.get(0);
	}

	private List<Observation.Context> contexts(String name) {
		List<Observation.Context> found = new ArrayList<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy((
				contexts) -> contexts.stream().filter((context) -> name.equals(context.getName())).forEach(found::add));
		return found;
	}

	private static String lowCardinality(Observation.Context context, String key) {
		KeyValue keyValue = context.getLowCardinalityKeyValue(key);
		return (keyValue != null) ? keyValue.getValue() : "<no " + key + ">";
	}

	private static List<String> values(Iterable<KeyValue> keyValues) {
		List<String> values = new ArrayList<>();
		keyValues.forEach((keyValue) -> values.add(keyValue.getValue()));
		return values;
	}

	private static Consumer<String> notContainingAny(List<String> forbidden) {
		Set<String> each = Set.copyOf(forbidden);
		return (value) -> assertThat(each).noneSatisfy((word) -> assertThat(value).contains(word));
	}

}
