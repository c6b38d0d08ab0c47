package dev.grantex.scim.autoconfigure;

import dev.grantex.scim.ScimClient;

/**
 * Adjusts every {@link ScimClient.Builder} that Spring Boot wires: the prototype builder
 * bean, and so the auto-configured {@link ScimClient} and every client an application
 * builds from such a builder (one per tenant, say).
 *
 * <p>
 * Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order @Order} (or
 * {@link org.springframework.core.Ordered}) order, by the
 * {@link ScimClientBuilderConfigurer}, after the builder has been set up from the
 * connection details, {@code grantex.*}, Boot's {@code RestClient.Builder} and Boot's
 * HTTP client settings, so a customizer can override any of them, for example with its
 * own {@link ScimClient.Builder#requestFactory request factory}.
 */
@FunctionalInterface
public interface ScimClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the auto-configured client
	 */
	void customize(ScimClient.Builder builder);

}
