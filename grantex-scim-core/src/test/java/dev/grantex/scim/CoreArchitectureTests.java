package dev.grantex.scim;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture of the core client, checked on its compiled main classes: plain Java
 * usable without Spring Boot, an API that never shows its implementation, and packages
 * that do not depend on each other in a circle.
 */
class CoreArchitectureTests {

	/**
	 * This module's main classes only: not its tests, and not the other modules on the
	 * test class path.
	 */
	private static final JavaClasses CORE = new ClassFileImporter()
		.importUrl(ScimClient.class.getProtectionDomain().getCodeSource().getLocation());

	@Test
	void coreDependsOnNoSpringBootClass() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.because("the core client is plain Java on Spring Framework, usable without Spring Boot")
			.check(CORE);
	}

	@Test
	void coreDependsOnNeitherTheAutoConfigurationNorTheTestSupport() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.grantex.scim.autoconfigure..", "dev.grantex.scim.test..")
			.check(CORE);
	}

	@Test
	void publicPackagesExposeNoInternalTypeInAPublicSignature() {
		classes().that(ApiSignatures.ARE_PUBLIC_API)
			.and()
			.resideOutsideOfPackage("dev.grantex.scim.internal..")
			.should(ApiSignatures.exposeNoTypeFrom("dev.grantex.scim.internal.."))
			.check(CORE);
	}

	@Test
	void packagesAreFreeOfCycles() {
		// ScimClient.builder() is the one door into the implementation: it instantiates
		// the internal builder, which
		// implements ScimClient.Builder. Every other dependency between two packages goes
		// one way only.
		slices().matching("dev.grantex.(**)")
			.should()
			.beFreeOfCycles()
			.ignoreDependency("dev.grantex.scim.ScimClient", "dev.grantex.scim.internal.DefaultScimClientBuilder")
			.check(CORE);
	}

}
