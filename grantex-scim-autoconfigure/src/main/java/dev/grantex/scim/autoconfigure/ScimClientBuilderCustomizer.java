package dev.grantex.scim.autoconfigure;

import dev.grantex.scim.ScimClient;

/**
 * Adjusts the {@link ScimClient.Builder} of the auto-configured {@link ScimClient} before
 * the client is built.
 *
 * <p>
 * Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order @Order} (or
 * {@link org.springframework.core.Ordered}) order, after the builder has been set up from
 * {@code grantex.*}, Boot's {@code RestClient.Builder} and Boot's HTTP client settings,
 * so a customizer can override any of them, for example with its own
 * {@link ScimClient.Builder#requestFactory request factory}.
 */
@FunctionalInterface
public interface ScimClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the auto-configured client
	 */
	void customize(ScimClient.Builder builder);

}
