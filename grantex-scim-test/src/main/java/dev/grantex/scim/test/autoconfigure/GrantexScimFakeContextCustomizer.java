package dev.grantex.scim.test.autoconfigure;

import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;

/**
 * Starts a {@link FakeGrantexServer} for an application context, before it refreshes:
 * sets the {@code grantex.*} properties to a new account on it, ahead of every other
 * property source, and registers the server and the account as beans; the server closes
 * with the context.
 */
final class GrantexScimFakeContextCustomizer implements ContextCustomizer {

	/**
	 * The name of the property source holding the fake's {@code grantex.*} properties.
	 */
	static final String PROPERTY_SOURCE_NAME = "grantexScimFake";

	/**
	 * The bean name of the {@link FakeGrantexServer}.
	 */
	static final String SERVER_BEAN_NAME = "fakeGrantexServer";

	/**
	 * The bean name of the {@link FakeGrantexAccount}.
	 */
	static final String ACCOUNT_BEAN_NAME = "fakeGrantexAccount";

	/**
	 * The label of the account's SCIM token.
	 */
	static final String TOKEN_LABEL = "spring-test";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeGrantexServer server = FakeGrantexServer.start();
		try {
			FakeGrantexAccount account = FakeGrantexAccount.create(server, TOKEN_LABEL);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, new LinkedHashMap<>(account.springProperties())));
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(SERVER_BEAN_NAME, server);
			beanFactory.registerSingleton(ACCOUNT_BEAN_NAME, account);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(SERVER_BEAN_NAME, server::close);
			}
			else {
				context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

					@Override
					public void onApplicationEvent(ContextClosedEvent event) {
						server.close();
					}

				});
			}
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	// every annotated test class gets an equal customizer, so their contexts may be
	// cached and shared
	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
