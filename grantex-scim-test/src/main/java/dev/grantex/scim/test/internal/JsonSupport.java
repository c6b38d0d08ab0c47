package dev.grantex.scim.test.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's one JSON parser and node factory. Parsing is as strict as
 * {@code JSON.parse}: trailing content after the value is an error, as are comments,
 * single quotes and trailing commas.
 */
public final class JsonSupport {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonSupport() {
	}

	/**
	 * Parses JSON text the way the real server's body parser does.
	 * @param text the JSON text, possibly starting with a byte-order mark (which the
	 * server's parser strips)
	 * @return the parsed value
	 * @throws IllegalArgumentException when the text is not exactly one JSON value
	 */
	public static JsonNode parse(String text) {
		String json = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || node.isMissingNode()) {
			throw new IllegalArgumentException("Not valid JSON: no value");
		}
		return node;
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

}
