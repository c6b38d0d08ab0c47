package dev.grantex.scim.docs.provisioning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application around {@link Provisioning}: the starter, the README's
 * {@code application.yml}, nothing else.
 */
@SpringBootApplication
public class ProvisioningApplication {

	/**
	 * Runs the application.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		SpringApplication.run(ProvisioningApplication.class, args);
	}

}
