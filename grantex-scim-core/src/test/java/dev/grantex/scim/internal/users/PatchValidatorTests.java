package dev.grantex.scim.internal.users;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.grantex.scim.model.PatchOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Which PATCH operations are refused before sending: exactly those Grantex would answer
 * with 200 and not apply as asked (see the transcript's PATCH entries).
 */
class PatchValidatorTests {

	@Test
	void acceptsWhatGrantexApplies() {
		assertThatNoException()
			.isThrownBy(() -> PatchValidator.validate(List.of(PatchOperation.replace("active", false),
					PatchOperation.add("displayName", "Robert"), PatchOperation.replace("userName", "bob2"),
					PatchOperation.replace(Map.of("active", true, "displayName", "Bob Final")))));
	}

	@Test
	void refusesRemoveWhichGrantexIgnores() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PatchValidator.validate(List.of(PatchOperation.remove("displayName"))))
			.withMessageStartingWith("Patch operation #1 (remove displayName) would be ignored")
			.withMessageContaining("replaceUser")
			.withMessageContaining("patchValidation(false)");
	}

	@Test
	void refusesPathsGrantexIgnores() {
		for (String path : List.of("emails", "externalId", "name.givenName", "emails[type eq \"work\"].value")) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> PatchValidator
					.validate(List.of(PatchOperation.replace("active", true), PatchOperation.replace(path, "x"))))
				.withMessageContaining("#2")
				.withMessageContaining("'" + path + "'");
		}
	}

	@Test
	void refusesActiveAsAStringWhichGrantexStoresAsFalse() {
		// "PATCH active as string \"True\" (Azure AD style)" deactivates the user on the
		// real server
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PatchValidator.validate(List.of(PatchOperation.replace("active", "True"))))
			.withMessageContaining("sets active to a String")
			.withMessageContaining("Boolean.TRUE");
	}

	@Test
	void refusesClearingDisplayNameWhichGrantexCannotDo() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PatchValidator.validate(List.of(PatchOperation.replace("displayName", null))))
			.withMessageContaining("keeps the old display name");
	}

	@Test
	void refusesAValueObjectWithAttributesGrantexIgnores() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> PatchValidator.validate(List
			.of(new PatchOperation(PatchOperation.Op.ADD, null, Map.of("displayName", "Bob", "externalId", "e-1")))))
			.withMessageContaining("'externalId'");
	}

	@Test
	void refusesAPathlessOperationWithoutAValueObject() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(
					() -> PatchValidator.validate(List.of(new PatchOperation(PatchOperation.Op.REPLACE, null, "x"))))
			.withMessageContaining("needs a value object");
	}

	@Test
	void neverPutsValuesInTheMessage() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PatchValidator.validate(List.of(PatchOperation.replace("emails", "alice@example.com"))))
			.withMessageNotContaining("alice@example.com");
	}

	@Test
	void knowsWhichOperationsSetAUserName() {
		assertThat(PatchValidator.setsUserName(List.of(PatchOperation.replace("userName", "x")))).isTrue();
		assertThat(PatchValidator.setsUserName(List.of(PatchOperation.replace(Map.of("userName", "x"))))).isTrue();
		assertThat(PatchValidator.setsUserName(List.of(PatchOperation.replace("active", false)))).isFalse();
	}

}
