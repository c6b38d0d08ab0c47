package dev.grantex.scim.autoconfigure.failure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with the starter, as a user writes one.
 */
@SpringBootApplication
public class ProvisioningApplication {

}
