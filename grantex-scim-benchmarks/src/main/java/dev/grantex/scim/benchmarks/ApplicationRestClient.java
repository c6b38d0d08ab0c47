package dev.grantex.scim.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * A {@code RestClient} of the application's own, built from Boot's builder, for the
 * starts that {@link StartupApp#APPLICATION_CLIENT} asks for. A class of its own, not a
 * member of {@link StartupApp}: Spring registers a configuration class's member classes
 * with it, which would add this to every start.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationRestClient {

	@Bean
	RestClient ownRestClient(RestClient.Builder builder) {
		return builder.baseUrl("http://127.0.0.1:9").build();
	}

}
