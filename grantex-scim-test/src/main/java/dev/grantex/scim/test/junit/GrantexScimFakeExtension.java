package dev.grantex.scim.test.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.grantex.scim.test.FakeGrantexAccount;
import dev.grantex.scim.test.FakeGrantexServer;

/**
 * The JUnit Jupiter extension behind {@link GrantexScimFake @GrantexScimFake}: starts a
 * {@link FakeGrantexServer} for each test, with one {@link FakeGrantexAccount} on it,
 * injects them into parameters and annotated fields, and closes the server after the
 * test's {@code @AfterEach} methods.
 *
 * <p>
 * It may also be registered with {@code @ExtendWith(GrantexScimFakeExtension.class)} or
 * {@code @RegisterExtension}; it keeps no state of its own, so one instance may serve any
 * number of tests, in parallel too.
 */
public final class GrantexScimFakeExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(GrantexScimFakeExtension.class);

	private static final String SERVER = "server";

	private static final String ACCOUNT = "account";

	/**
	 * The label of the SCIM token each test's account is given.
	 */
	public static final String TOKEN_LABEL = "junit";

	/**
	 * Creates the extension; JUnit does so for {@code @GrantexScimFake}.
	 */
	public GrantexScimFakeExtension() {
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IllegalAccessException {
		for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
			injectFields(instance, context);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		store.remove(ACCOUNT);
		FakeGrantexServer server = store.remove(SERVER, FakeGrantexServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
		// constructors get the test's own server, not one of the class
		return ExtensionContextScope.TEST_METHOD;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return isInjectable(parameterContext.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (extensionContext.getTestMethod().isEmpty()) {
			throw new ParameterResolutionException("@GrantexScimFake gives each test its own "
					+ parameterContext.getParameter().getType().getSimpleName() + ", so "
					+ parameterContext.getDeclaringExecutable() + " cannot have one: declare it on a test, "
					+ "@BeforeEach or @AfterEach method instead, or start a shared server with "
					+ "FakeGrantexServer.start()");
		}
		return valueFor(parameterContext.getParameter().getType(), extensionContext);
	}

	private static void injectFields(Object instance, ExtensionContext context) throws IllegalAccessException {
		for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (field.isAnnotationPresent(GrantexScimFake.class)) {
					checkInjectable(field);
					field.setAccessible(true);
					field.set(instance, valueFor(field.getType(), context));
				}
			}
		}
	}

	private static void checkInjectable(Field field) {
		@Nullable String problem = null;
		if (!isInjectable(field.getType())) {
			problem = "must be a FakeGrantexServer or a FakeGrantexAccount";
		}
		else if (Modifier.isStatic(field.getModifiers())) {
			problem = "must not be static: each test gets its own server; for one shared by the class, start it "
					+ "with FakeGrantexServer.start()";
		}
		else if (Modifier.isFinal(field.getModifiers())) {
			problem = "must not be final: it is set before each test";
		}
		if (problem != null) {
			throw new ExtensionConfigurationException("@GrantexScimFake field " + field.getDeclaringClass().getName()
					+ "." + field.getName() + " " + problem);
		}
	}

	private static boolean isInjectable(Class<?> type) {
		return type == FakeGrantexServer.class || type == FakeGrantexAccount.class;
	}

	private static Object valueFor(Class<?> type, ExtensionContext context) {
		FakeGrantexAccount account = account(context);
		return (type == FakeGrantexServer.class) ? account.server() : account;
	}

	private static FakeGrantexAccount account(ExtensionContext context) {
		// get and put rather than computeIfAbsent, which older JUnit Jupiter versions
		// lack; a test's context is not shared with other threads while it sets up
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		FakeGrantexAccount account = store.get(ACCOUNT, FakeGrantexAccount.class);
		if (account == null) {
			FakeGrantexServer server = FakeGrantexServer.start();
			store.put(SERVER, server);
			account = FakeGrantexAccount.create(server, TOKEN_LABEL);
			store.put(ACCOUNT, account);
		}
		return account;
	}

	@Override
	public String toString() {
		return "GrantexScimFakeExtension";
	}

}
