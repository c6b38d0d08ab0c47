package dev.grantex.scim.benchmarks;

import java.net.URI;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.ClientHttpRequestFactory;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;

/**
 * This project's client, built as an application would build it: defaults (retry on),
 * with either no observation registry ({@code ObservationRegistry.NOOP}) or one backed by
 * a {@link SimpleMeterRegistry}, as Spring Boot wires it (every operation then times
 * {@code grantex.scim.client.operation} and every attempt {@code http.client.requests}).
 */
final class GrantexOps implements ScimOps {

	private static final PatchOperation DEACTIVATE = PatchOperation.replace("active", false);

	private final ScimClient client;

	private final String userId;

	private GrantexOps(ScimClient client, String userId) {
		this.client = client;
		this.userId = userId;
	}

	static GrantexOps plain(URI baseUrl, String scimToken, String userId) {
		return new GrantexOps(ScimClient.builder().baseUrl(baseUrl).scimToken(scimToken).build(), userId);
	}

	/**
	 * With the request factory given: a transport other than the default JDK client,
	 * still without observation.
	 */
	static GrantexOps over(ClientHttpRequestFactory requestFactory, URI baseUrl, String scimToken, String userId) {
		return new GrantexOps(
				ScimClient.builder().baseUrl(baseUrl).scimToken(scimToken).requestFactory(requestFactory).build(),
				userId);
	}

	static GrantexOps observed(URI baseUrl, String scimToken, String userId) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return new GrantexOps(
				ScimClient.builder().baseUrl(baseUrl).scimToken(scimToken).observationRegistry(observations).build(),
				userId);
	}

	@Override
	public Object getUser() {
		return this.client.getUser(this.userId);
	}

	@Override
	public Object listUsers() {
		return this.client.listUsers(1, 200);
	}

	@Override
	public Object createUser(int n) {
		String userName = ScimOps.userName(n);
		return this.client.createUser(CreateScimUserParams.builder(userName)
			.displayName("Bench User")
			.externalId("ext-" + n)
			.email(ScimEmail.primary(userName, "work"))
			.build());
	}

	@Override
	public Object updateUser() {
		return this.client.updateUser(this.userId, DEACTIVATE);
	}

	@Override
	public long streamUsers(Consumer<Object> sink) {
		long[] count = { 0 };
		try (Stream<ScimUser> users = this.client.streamUsers()) {
			users.forEach((user) -> {
				sink.accept(user);
				count[0]++;
			});
		}
		return count[0];
	}

	@Override
	public void close() {
	}

}
