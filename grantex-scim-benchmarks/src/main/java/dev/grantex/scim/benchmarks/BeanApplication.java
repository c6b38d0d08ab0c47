package dev.grantex.scim.benchmarks;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import dev.grantex.scim.ScimClient;

/**
 * The application whose {@link ScimClient} bean is the headline client of the benchmarks:
 * auto-configuration, no web server, nothing of its own, and only the
 * {@code grantex.base-url}, {@code grantex.scim.token} and {@code grantex.api-key}
 * properties, so that the client has the starter's defaults (Apache HttpClient 5 through
 * Spring Boot's {@code ClientHttpRequestFactoryBuilder}, 64 connections, retry and
 * rate-limit pacing on). Nothing on the benchmarks' class path registers an
 * {@link ObservationRegistry} (no Actuator), which {@link #start} checks.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BeanApplication {

	/**
	 * The configuration file name the benchmarks' applications read instead of
	 * {@code application}: the sample on this class path has an {@code application.yml}
	 * of its own, which must not configure them.
	 */
	static final String CONFIG_NAME = "grantex-benchmarks";

	/**
	 * Starts the application and returns its context; close it when done.
	 * @param target the server
	 * @param extra further properties, such as {@code grantex.http.factory=jdk}
	 * @return the started context
	 */
	static ConfigurableApplicationContext start(Target target, Map<String, Object> extra) {
		SpringApplication application = new SpringApplication(BeanApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.config.name", CONFIG_NAME);
		properties.put("logging.level.root", "WARN");
		properties.put("grantex.base-url", target.baseUrl.toString());
		properties.put("grantex.scim.token", target.scimToken);
		properties.put("grantex.api-key", target.apiKey);
		properties.putAll(extra);
		application.setDefaultProperties(properties);
		ConfigurableApplicationContext context = application.run();
		if (context.getBeanNamesForType(ObservationRegistry.class).length > 0) {
			context.close();
			throw new IllegalStateException("The application has an ObservationRegistry: something on the class path "
					+ "(Actuator?) makes it more than an application with only the starter");
		}
		return context;
	}

}
