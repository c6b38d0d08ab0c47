package dev.grantex.scim.test.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;
import dev.grantex.scim.test.internal.GrantexState;
import dev.grantex.scim.test.internal.RequestJournal;

/**
 * After each test method of a class annotated with {@link AutoConfigureGrantexScimFake},
 * sets the context's fake server back to how the next test expects to find it: no
 * scripted faults, the real server's rate limits and {@code emails} format, none of the
 * account's users, no recorded requests and the default request journal.
 *
 * <p>
 * Users are deleted directly in the server's store, however many a test left (deleting a
 * hundred thousand over HTTP would run into the per-IP rate limit). One request with the
 * account's SCIM token first checks that the test did not revoke it, which would break
 * every later test sharing the context; that request is forgotten with the rest.
 */
final class GrantexScimFakeResetTestExecutionListener implements TestExecutionListener, Ordered {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Duration RATE_LIMIT_WINDOW = Duration.ofMinutes(1);

	@Override
	public int getOrder() {
		// after-methods run in reverse order: last, after the application's own listeners
		// are done with the server
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) throws Exception {
		if (!GrantexScimFakeContextCustomizerFactory.isAnnotated(testContext.getTestClass())
				|| !testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		FakeGrantexAccount account = context.getBeanProvider(FakeGrantexAccount.class).getIfAvailable();
		if (account != null) {
			reset(account);
		}
	}

	static void reset(FakeGrantexAccount account) throws IOException, InterruptedException {
		FakeGrantexServer server = account.server();
		server.faults().clear();
		server.ipRateLimit(GrantexState.DEFAULT_IP_LIMIT, RATE_LIMIT_WINDOW);
		server.planRateLimit(GrantexState.DEFAULT_PLAN_LIMIT, RATE_LIMIT_WINDOW);
		server.emailsAsArray(false);
		requireLiveToken(account);
		server.deleteUsers(account.apiKey());
		server.recordRequests(RequestJournal.DEFAULT_LIMIT);
		server.clearRequests();
	}

	private static void requireLiveToken(FakeGrantexAccount account) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(account.baseUrl() + "/scim/v2/Users?count=1"))
			.GET()
			.header("Authorization", "Bearer " + account.scimToken())
			.timeout(Duration.ofSeconds(10))
			.build();
		int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status == 401) {
			throw new IllegalStateException("Could not reset the fake Grantex server for the next test: the "
					+ "context's SCIM token was revoked. Mark a test that revokes it with @DirtiesContext.");
		}
	}

}
