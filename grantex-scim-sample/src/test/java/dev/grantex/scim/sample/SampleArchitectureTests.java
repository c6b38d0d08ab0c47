package dev.grantex.scim.sample;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sample is what users copy: it uses the client and the fake server only through their public APIs.
 */
class SampleArchitectureTests {

	@Test
	void usesNoInternalPackage() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.grantex.scim.internal..", "dev.grantex.scim.test.internal..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.grantex.scim.sample"));
	}

}
