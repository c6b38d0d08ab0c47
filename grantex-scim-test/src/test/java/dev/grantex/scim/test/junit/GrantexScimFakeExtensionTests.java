package dev.grantex.scim.test.junit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.testkit.engine.TestExecutionResultConditions;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.Fault;
import dev.grantex.scim.test.FaultTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * What a test annotated with {@code @GrantexScimFake} gets, and when its server stops.
 */
@GrantexScimFake
class GrantexScimFakeExtensionTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private @Nullable FakeGrantexServer serverSeenBeforeEach;

	@GrantexScimFake
	private FakeGrantexAccount accountField;

	@BeforeEach
	void rememberServer(FakeGrantexServer server) {
		this.serverSeenBeforeEach = server;
	}

	@Test
	void parametersFieldsAndLifecycleMethodsShareOneRunningServerAndAccount(FakeGrantexServer server,
			FakeGrantexAccount account) throws Exception {
		assertThat(this.serverSeenBeforeEach).isSameAs(server);
		assertThat(this.accountField).isSameAs(account);
		assertThat(account.server()).isSameAs(server);
		assertThat(account.baseUrl()).isEqualTo(server.baseUrl());
		assertThat(account.users()).isEmpty();
		assertThat(account.tokens()).singleElement()
			.satisfies((token) -> assertThat(token.label()).isEqualTo(GrantexScimFakeExtension.TOKEN_LABEL));
		assertThat(get(account.baseUrl(), "/scim/v2/Users", account.scimToken())).isEqualTo(200);
		assertThat(get(account.baseUrl(), "/v1/scim/tokens", account.apiKey())).isEqualTo(200);
	}

	@Test
	void theAccountSeedsAndReadsUsersAndTheServerScriptsFaults(FakeGrantexAccount account) throws Exception {
		account.seedUser("alice");
		account.server().faults().enqueue(FaultTarget.route("GET", "/scim/v2/Users"), Fault.serverError(503));

		assertThat(account.users()).extracting((user) -> user.userName()).containsExactly("alice");
		assertThat(get(account.baseUrl(), "/scim/v2/Users", account.scimToken())).isEqualTo(503);
		assertThat(get(account.baseUrl(), "/scim/v2/Users", account.scimToken())).isEqualTo(200);
		assertThat(account.server().requests()).hasSize(2);
	}

	@Test
	void springPropertiesPointTheStarterAtTheAccount(FakeGrantexAccount account) {
		assertThat(account.springProperties()).containsExactly(entry("grantex.base-url", account.baseUrl().toString()),
				entry("grantex.api-key", account.apiKey()), entry("grantex.scim.token", account.scimToken()));
		assertThat(account.toString()).contains(account.baseUrl().toString()).doesNotContain(account.scimToken());
	}

	@Test
	void eachTestHasItsOwnServerWhichStopsAfterIt() throws Exception {
		TwoTests.seen.clear();
		Events events = EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(TwoTests.class))
			.execute()
			.testEvents();

		events.assertStatistics((stats) -> stats.succeeded(2).failed(0));
		assertThat(TwoTests.seen).hasSize(2);
		assertThat(TwoTests.seen.get(0)).isNotSameAs(TwoTests.seen.get(1));
		for (FakeGrantexServer server : TwoTests.seen) {
			assertThat(server.toString()).endsWith(", closed]");
			assertThatThrownBy(() -> get(server.baseUrl(), "/scim/v2/Users", "x")).isInstanceOf(ConnectException.class);
		}
	}

	@Test
	void constructorsOfPerMethodInstancesGetTheTestsServer() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(ConstructorInjection.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(1).failed(0));
	}

	@Test
	void beforeAllMethodsAndStaticFieldsAreRefusedWithAnExplanation() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(BeforeAllParameter.class))
			.execute()
			.containerEvents()
			.assertThatEvents()
			.haveExactly(1,
					EventConditions.finishedWithFailure(
							TestExecutionResultConditions.instanceOf(ParameterResolutionException.class),
							TestExecutionResultConditions.message((m) -> m.contains("its own"))));
		EngineTestKit.engine("junit-jupiter")
			.selectors(DiscoverySelectors.selectClass(StaticField.class))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1,
					EventConditions.test(EventConditions.finishedWithFailure(
							TestExecutionResultConditions.instanceOf(ExtensionConfigurationException.class),
							TestExecutionResultConditions.message((m) -> m.contains("must not be static")))));
	}

	private static int get(URI baseUrl, String path, String bearer) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer " + bearer)
			.timeout(Duration.ofSeconds(5))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Nested
	class InANestedClass {

		@Test
		void theOuterFieldAndTheParameterAreTheTestsServer(FakeGrantexAccount account) {
			assertThat(GrantexScimFakeExtensionTests.this.accountField).isSameAs(account);
		}

	}

	@GrantexScimFake
	static class TwoTests {

		static final List<FakeGrantexServer> seen = new ArrayList<>();

		@Test
		void one(FakeGrantexServer server) {
			seen.add(server);
		}

		@Test
		void two(FakeGrantexServer server) {
			seen.add(server);
		}

	}

	static class ConstructorInjection {

		private final FakeGrantexAccount account;

		ConstructorInjection(@GrantexScimFake FakeGrantexAccount account) {
			this.account = account;
		}

		@Test
		void sameAccount(FakeGrantexAccount account) {
			assertThat(this.account).isSameAs(account);
		}

	}

	@GrantexScimFake
	static class BeforeAllParameter {

		@BeforeAll
		static void setUp(FakeGrantexServer server) {
		}

		@Test
		void test() {
		}

	}

	static class StaticField {

		@GrantexScimFake
		static FakeGrantexServer server;

		@Test
		void test() {
		}

	}

}
