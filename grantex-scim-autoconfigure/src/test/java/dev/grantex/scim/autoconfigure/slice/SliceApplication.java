package dev.grantex.scim.autoconfigure.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application a {@code @RestClientTest} in this package finds, as it finds a real
 * application's main class.
 */
@SpringBootApplication
public class SliceApplication {

}
