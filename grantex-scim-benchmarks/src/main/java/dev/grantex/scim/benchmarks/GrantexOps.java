package dev.grantex.scim.benchmarks;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.CreateScimUserParams;
import dev.grantex.scim.model.PatchOperation;
import dev.grantex.scim.model.ScimEmail;
import dev.grantex.scim.model.ScimUser;

/**
 * This project's client, as users get it: {@code bean}, the {@link ScimClient} bean of
 * {@link BeanApplication} (the starter with default settings); {@code bean-jdk}, the same
 * with {@code grantex.http.factory=jdk} (the JDK {@code HttpClient}, the fallback without
 * Apache HttpClient); {@code builder}, {@code ScimClient.builder()} with defaults.
 */
final class GrantexOps implements ScimOps {

	private static final PatchOperation DEACTIVATE = PatchOperation.replace("active", false);

	private final ScimClient client;

	private final @Nullable ConfigurableApplicationContext context;

	private final String userId;

	private GrantexOps(ScimClient client, @Nullable ConfigurableApplicationContext context, String userId) {
		this.client = client;
		this.context = context;
		this.userId = userId;
	}

	/**
	 * The bean of a started {@link BeanApplication}.
	 * @param target the server
	 * @param extra properties besides the connection's, none for the defaults
	 * @return the client
	 */
	static GrantexOps bean(Target target, Map<String, Object> extra) {
		ConfigurableApplicationContext context = BeanApplication.start(target, extra);
		return new GrantexOps(context.getBean(ScimClient.class), context, target.userId);
	}

	/**
	 * {@code ScimClient.builder()} with the connection and nothing else.
	 * @param target the server
	 * @return the client
	 */
	static GrantexOps builder(Target target) {
		return new GrantexOps(
				ScimClient.builder().baseUrl(target.baseUrl).scimToken(target.scimToken).apiKey(target.apiKey).build(),
				null, target.userId);
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
		if (this.context != null) {
			this.context.close();
		}
		else {
			this.client.close();
		}
	}

}
