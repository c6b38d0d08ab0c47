package dev.grantex.scim.sample;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sample is what users copy: it uses the client and the fake server only through
 * their public APIs.
 */
class SampleArchitectureTests {

	@Test
	void usesNoInternalPackage() throws ClassNotFoundException {
		// this module's main classes only, found through the package's package-info
		Class<?> packageInfo = Class.forName(getClass().getPackageName() + ".package-info");
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.grantex.scim.internal..", "dev.grantex.scim.test.internal..")
			.check(new ClassFileImporter().importUrl(packageInfo.getProtectionDomain().getCodeSource().getLocation()));
	}

}
