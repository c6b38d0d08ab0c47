package dev.grantex.scim.test.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;

/**
 * Starts a {@link FakeGrantexServer} for an application context, before it refreshes, and
 * registers as beans the server, a new account on it and, when the Grantex SCIM
 * auto-configuration is on the class path, the {@code GrantexScimConnectionDetails} of
 * that account; the server closes with the context.
 *
 * <p>
 * This module cannot depend on the auto-configuration (whose tests use the fake), so the
 * connection details bean is defined by the type's name and its public static factory
 * method {@code of(URI, String, String)}, as XML configuration would define it.
 */
final class GrantexScimFakeContextCustomizer implements ContextCustomizer {

	/**
	 * The connection details type of the auto-configuration.
	 */
	static final String CONNECTION_DETAILS_TYPE = "dev.grantex.scim.autoconfigure.GrantexScimConnectionDetails";

	/**
	 * The bean name of the account's connection details.
	 */
	static final String CONNECTION_DETAILS_BEAN_NAME = "fakeGrantexScimConnectionDetails";

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
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(SERVER_BEAN_NAME, server);
			beanFactory.registerSingleton(ACCOUNT_BEAN_NAME, account);
			if (ClassUtils.isPresent(CONNECTION_DETAILS_TYPE, context.getClassLoader())
					&& beanFactory instanceof BeanDefinitionRegistry definitions) {
				definitions.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, connectionDetails(account));
			}
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

	/*
	 * Primary, so that it also wins over connection details the application defines
	 * itself, as the fake's account must wherever the test runs.
	 */
	private static RootBeanDefinition connectionDetails(FakeGrantexAccount account) {
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setBeanClassName(CONNECTION_DETAILS_TYPE);
		definition.setFactoryMethodName("of");
		ConstructorArgumentValues arguments = definition.getConstructorArgumentValues();
		arguments.addIndexedArgumentValue(0, account.baseUrl());
		arguments.addIndexedArgumentValue(1, account.apiKey());
		arguments.addIndexedArgumentValue(2, account.scimToken());
		definition.setPrimary(true);
		return definition;
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
