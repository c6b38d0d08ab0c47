package dev.grantex.scim.test.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JavaScript value semantics the fake reproduces, checked against what Node.js
 * prints.
 */
class JsSemanticsTests {

	private static JsonNode json(String text) {
		return JsonSupport.parse(text);
	}

	@Test
	void numbersPrintAsJavaScriptPrintsThem() {
		assertThat(JsSemantics.numberToString(12345)).isEqualTo("12345");
		assertThat(JsSemantics.numberToString(1.0)).isEqualTo("1");
		assertThat(JsSemantics.numberToString(1.5)).isEqualTo("1.5");
		assertThat(JsSemantics.numberToString(-0.0)).isEqualTo("0");
		assertThat(JsSemantics.numberToString(0.000001)).isEqualTo("0.000001");
		assertThat(JsSemantics.numberToString(0.0000001)).isEqualTo("1e-7");
		assertThat(JsSemantics.numberToString(1e20)).isEqualTo("100000000000000000000");
		assertThat(JsSemantics.numberToString(1e21)).isEqualTo("1e+21");
		assertThat(JsSemantics.numberToString(1.2345678901234567e19)).isEqualTo("12345678901234567000");
		assertThat(JsSemantics.numberToString(-2.5e-10)).isEqualTo("-2.5e-10");
		assertThat(JsSemantics.numberToString(Double.NaN)).isEqualTo("NaN");
		assertThat(JsSemantics.numberToString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
	}

	@Test
	void textBecomesANumberAsNumberDoesIt() {
		assertThat(JsSemantics.toNumber("")).isZero();
		assertThat(JsSemantics.toNumber(" \t12 \n")).isEqualTo(12);
		assertThat(JsSemantics.toNumber("1e3")).isEqualTo(1000);
		assertThat(JsSemantics.toNumber("-5")).isEqualTo(-5);
		assertThat(JsSemantics.toNumber("+.5")).isEqualTo(0.5);
		assertThat(JsSemantics.toNumber("5.")).isEqualTo(5);
		assertThat(JsSemantics.toNumber("0x1F")).isEqualTo(31);
		assertThat(JsSemantics.toNumber("0b101")).isEqualTo(5);
		assertThat(JsSemantics.toNumber("0o17")).isEqualTo(15);
		assertThat(JsSemantics.toNumber("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
		for (String notANumber : new String[] { "abc", "1_000", "1,5", "0x", "-0x10", "1e", "NaN", "1d", "0x1G",
				"١" }) {
			assertThat(JsSemantics.toNumber(notANumber)).as(notANumber).isNaN();
		}
	}

	@Test
	void valuesBecomeTextAsStringDoesIt() {
		assertThat(JsSemantics.toJsString(json("\"x\""))).isEqualTo("x");
		assertThat(JsSemantics.toJsString(json("12345"))).isEqualTo("12345");
		assertThat(JsSemantics.toJsString(json("12345678901234567890"))).isEqualTo("12345678901234567000");
		assertThat(JsSemantics.toJsString(json("false"))).isEqualTo("false");
		assertThat(JsSemantics.toJsString(json("null"))).isEqualTo("null");
		assertThat(JsSemantics.toJsString(json("{\"a\":1}"))).isEqualTo("[object Object]");
		assertThat(JsSemantics.toJsString(json("[1,[2,3],null,{}]"))).isEqualTo("1,2,3,,[object Object]");
	}

	@Test
	void truthinessFollowsJavaScript() {
		assertThat(JsSemantics.isTruthy(null)).isFalse();
		for (String falsy : new String[] { "null", "false", "0", "-0", "0.0", "\"\"" }) {
			assertThat(JsSemantics.isTruthy(json(falsy))).as(falsy).isFalse();
		}
		for (String truthy : new String[] { "true", "1", "-1", "\"0\"", "\"false\"", "[]", "{}" }) {
			assertThat(JsSemantics.isTruthy(json(truthy))).as(truthy).isTrue();
		}
	}

	@Test
	void stringifyMatchesJsonStringify() {
		assertThat(JsSemantics.stringify(json("{ \"b\" : 1.0, \"a\" : [ true, null, 2.50 ] }")))
			.isEqualTo("{\"b\":1,\"a\":[true,null,2.5]}");
		assertThat(JsSemantics.stringify(json("{\"value\":\"x\",\"2\":\"b\",\"10\":\"c\",\"01\":\"d\",\"1\":\"a\"}")))
			.as("integer-like member names first, ascending")
			.isEqualTo("{\"1\":\"a\",\"2\":\"b\",\"10\":\"c\",\"value\":\"x\",\"01\":\"d\"}");
		assertThat(JsSemantics.stringify(json("{\"a\":1,\"a\":2}"))).as("duplicate: last value, first place")
			.isEqualTo("{\"a\":2}");
		assertThat(JsSemantics.stringify(json("\"q\\\" b\\\\ \\u0001 \\n \\u001f \\u2028 \\/ é 🎉 \\ud800\"")))
			.isEqualTo("\"q\\\" b\\\\ \\u0001 \\n \\u001f \u2028 / é 🎉 \\ud800\"");
		assertThat(JsSemantics.stringify(json("1e400"))).isEqualTo("null");
	}

	@Test
	void jsonParsingIsAsStrictAsJsonParse() {
		for (String invalid : new String[] { "", "  ", "{} x", "{'a':1}", "[1,]", "{\"a\":1,}", "NaN", "// c\n{}",
				"01" }) {
			assertThat(parses(invalid)).as(invalid).isFalse();
		}
		for (String valid : new String[] { "null", "0", "\"x\"", " {} ", "\uFEFF{}", "[]" }) {
			assertThat(parses(valid)).as(valid).isTrue();
		}
	}

	private static boolean parses(String text) {
		try {
			JsonSupport.parse(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
