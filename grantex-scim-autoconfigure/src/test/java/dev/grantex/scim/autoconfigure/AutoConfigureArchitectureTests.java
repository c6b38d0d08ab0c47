package dev.grantex.scim.autoconfigure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The auto-configuration uses the core client only through its public API. Since no class
 * here depends on an internal type, no public signature here can expose one either.
 */
class AutoConfigureArchitectureTests {

	/**
	 * This module's main classes only: not its tests, and not the other modules on the
	 * test class path.
	 */
	private static final JavaClasses AUTOCONFIGURE = new ClassFileImporter()
		.importUrl(GrantexScimAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation());

	@Test
	void dependsOnNoInternalPackageOfAnotherModule() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.grantex.scim.internal..", "dev.grantex.scim.test..")
			.because(
					"the core client's internals may change in any release; the test support is not a runtime dependency")
			.check(AUTOCONFIGURE);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.grantex.(**)").should().beFreeOfCycles().check(AUTOCONFIGURE);
	}

}
