package dev.grantex.scim.docs.health;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.grantex.scim.docs.provisioning.ProvisioningApplication;
import dev.grantex.scim.test.autoconfigure.AutoConfigureGrantexScimFake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code readiness.properties}, in an application with Actuator whose
 * availability probes are on (as on Kubernetes): the {@code grantexScim} component counts
 * in the readiness group, and stays out of the liveness group.
 */
@SpringBootTest(classes = ProvisioningApplication.class, properties = "management.endpoint.health.probes.enabled=true")
@TestPropertySource("classpath:health/readiness.properties")
@AutoConfigureGrantexScimFake
class ReadinessTests {

	@Autowired
	HealthEndpointGroups groups;

	@Autowired
	HealthEndpoint health;

	@Test
	void grantexCountsInReadinessNotInLiveness() {
		assertThat(this.groups.get("readiness").isMember("grantexScim")).isTrue();
		assertThat(this.groups.get("readiness").isMember("readinessState")).isTrue();
		assertThat(this.groups.get("liveness").isMember("grantexScim")).isFalse();
		assertThat(this.health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
	}

}
