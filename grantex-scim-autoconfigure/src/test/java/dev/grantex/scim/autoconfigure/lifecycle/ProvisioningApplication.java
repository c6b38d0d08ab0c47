package dev.grantex.scim.autoconfigure.lifecycle;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that provisions users in Grantex, configured only through
 * {@code application.yml}.
 */
@SpringBootApplication
public class ProvisioningApplication {

}
