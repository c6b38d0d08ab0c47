package dev.grantex.scim.autoconfigure.observability;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A provisioning application with Actuator and a web server: the auto-configured client,
 * observed and health-checked through the application's own actuator endpoints.
 */
@SpringBootApplication
public class ObservedProvisioningApplication {

}
