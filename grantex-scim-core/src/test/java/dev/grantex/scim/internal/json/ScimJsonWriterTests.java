package dev.grantex.scim.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.grantex.scim.model.PatchOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The patch values the writer puts into JSON: those a JSON document can hold, and a clear
 * refusal for anything else, before anything is sent.
 */
class ScimJsonWriterTests {

	private final ScimJsonWriter writer = new ScimJsonWriter(ScimJson.factory(1024 * 1024));

	@Test
	void writesEveryJsonLikeValue() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("text", "a");
		object.put("flag", true);
		object.put("none", null);
		object.put("list", List.of(1, 2L, (short) 3, (byte) 4));
		object.put("array", new String[] { "x", "y" });
		object.put("big", new BigInteger("123456789012345678901234567890"));
		object.put("decimal", new BigDecimal("1.50"));
		object.put("double", 2.5);

		String written = text(this.writer.writePatch(List.of(new PatchOperation(PatchOperation.Op.ADD, null, object))));

		assertThat(written).endsWith("\"Operations\":[{\"op\":\"add\",\"value\":{\"text\":\"a\",\"flag\":true,"
				+ "\"none\":null,\"list\":[1,2,3,4],\"array\":[\"x\",\"y\"],"
				+ "\"big\":123456789012345678901234567890,\"decimal\":1.50,\"double\":2.5}}]}");
	}

	@Test
	void refusesAValueWithoutAJsonForm() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.writePatch(List.of(PatchOperation.replace("displayName", new Object()))))
			.withMessage("Patch operation #1 has a value of type java.lang.Object, which has no JSON form here; "
					+ "pass a String, Boolean, Number, Map, Collection or array of those");
	}

	@Test
	void refusesNumbersJsonCannotHold() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.writePatch(List.of(PatchOperation.replace("x", Double.NaN))))
			.withMessage("Patch operation #1 has the number NaN, which JSON cannot hold");
	}

	@Test
	void refusesAnObjectWhoseKeysAreNotStrings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer
				.writePatch(List.of(new PatchOperation(PatchOperation.Op.ADD, null, Map.of(1, "one")))))
			.withMessage("Patch operation #1 has a value object whose keys are not all strings");
	}

	private static String text(byte[] json) {
		return new String(json, StandardCharsets.UTF_8);
	}

}
