package dev.grantex.scim.test.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Contributes a {@link GrantexScimFakeContextCustomizer} to the contexts of test classes
 * annotated (directly, on an enclosing class or through a meta-annotation) with
 * {@link AutoConfigureGrantexScimFake}.
 */
class GrantexScimFakeContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return isAnnotated(testClass) ? new GrantexScimFakeContextCustomizer() : null;
	}

	static boolean isAnnotated(Class<?> testClass) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureGrantexScimFake.class);
	}

}
