package dev.grantex.scim.test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The fake server stands for Grantex, not for the client: it shares no code with the
 * client, so a bug in the client's internals cannot hide behind the same bug in the fake.
 */
class ArchitectureTests {

	@Test
	void dependsOnNoClassOfTheClient() {
		ArchRuleDefinition.noClasses()
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.grantex.scim", "dev.grantex.scim.internal..", "dev.grantex.scim.model..",
					"dev.grantex.scim.error..", "dev.grantex.scim.autoconfigure..")
			.check(new ClassFileImporter()
				.importUrl(FakeGrantexServer.class.getProtectionDomain().getCodeSource().getLocation()));
	}

}
