package dev.grantex.scim.sample;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

import dev.grantex.scim.ScimClient;
import dev.grantex.scim.model.ScimTokenWithSecret;
import dev.grantex.scim.test.FakeGrantexServer;

/**
 * The embedded default: when no {@code grantex.base-url} is configured (nor
 * {@code GRANTEX_BASE_URL}), starts the fake Grantex server from
 * {@code grantex-scim-test} in this process, before the application context is created,
 * and points the application at it, so that the sample runs with nothing else installed.
 *
 * <p>
 * It sets the fake up as a user would set up Grantex: a developer account (whose API key
 * signing up would give), then a SCIM token created through the API with that key
 * ({@code POST /v1/scim/tokens}), then the users an earlier sync might have left
 * ({@value #SEED_FILE}), so that the first plan has something of every kind to do. The
 * application then gets {@code grantex.base-url}, {@code grantex.api-key} and
 * {@code grantex.scim.token} like any other configuration, and its auto-configured
 * {@link ScimClient} talks to the fake over HTTP. The server is a bean named
 * {@value #SERVER_BEAN_NAME} and stops with the application.
 */
final class EmbeddedGrantex implements SmartApplicationListener {

	/**
	 * Set to {@code true} when the application syncs into the embedded fake.
	 */
	static final String EMBEDDED_PROPERTY = "sync.embedded";

	/**
	 * The users the embedded fake starts with.
	 */
	static final String SEED_FILE = "embedded-grantex-users.csv";

	/**
	 * The label of the SCIM token created on the fake.
	 */
	static final String TOKEN_LABEL = "directory-sync";

	static final String SERVER_BEAN_NAME = "embeddedGrantexServer";

	private @Nullable FakeGrantexServer server;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			start(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.server != null) {
			FakeGrantexServer started = this.server;
			ConfigurableListableBeanFactory beanFactory = prepared.getApplicationContext().getBeanFactory();
			beanFactory.registerSingleton(SERVER_BEAN_NAME, started);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(SERVER_BEAN_NAME, started::close);
			}
		}
		else if (event instanceof ApplicationFailedEvent && this.server != null) {
			this.server.close();
		}
	}

	private void start(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(environment.getProperty("grantex.base-url"))) {
			return;
		}
		FakeGrantexServer started = FakeGrantexServer.start();
		this.server = started;
		String baseUrl = started.baseUrl().toString();
		String apiKey = started.createDeveloper();
		ScimTokenWithSecret token = ScimClient.builder()
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.build()
			.createToken(TOKEN_LABEL);
		ScimClient seeding = ScimClient.builder().baseUrl(baseUrl).scimToken(token.token()).build();
		List<DirectoryUser> seeds = DirectoryFile.read(new ClassPathResource(SEED_FILE));
		seeds.forEach((user) -> seeding.createUser(user.toParams()));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedGrantex", Map.of("grantex.base-url", baseUrl, "grantex.api-key",
					apiKey, "grantex.scim.token", token.token(), EMBEDDED_PROPERTY, "true")));
		System.out.println("No grantex.base-url (GRANTEX_BASE_URL) set: started the fake Grantex in this process at "
				+ baseUrl + ", created a SCIM token through its API, and gave it " + seeds.size()
				+ " users, as an earlier sync might have left them.");
	}

}
