package dev.grantex.scim.test.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import tools.jackson.databind.node.ObjectNode;

/**
 * JSON documents of an exact size, in the shapes a Grantex client reads, generated while
 * they are written: a User whose {@code userName} fills the size, a ListResponse or a
 * token list with as many entries as fit, a ServiceProviderConfig with a huge
 * description, a Grantex error with a huge message. Every document is valid JSON; list
 * entries are distinct (ids numbered from 0) and the same on every generation. A list
 * that cannot end on the exact size with whole entries is padded with spaces before its
 * closing bracket, which JSON allows.
 */
final class LargeDocuments {

	private static final byte FILLER = 'x';

	private static final String FILL_MARK = "@@fill@@";

	private LargeDocuments() {
	}

	/**
	 * A User whose {@code userName} is as long as the size requires.
	 * @param bytes the document's size
	 * @return the document
	 * @throws IllegalArgumentException when the size is below the document without a user
	 * name
	 */
	static Document user(long bytes) {
		String[] around = userAroundUserName(Instant.now());
		return filled("a User", bytes, around[0], around[1]);
	}

	/**
	 * A User whose {@code userName} never ends, for an answer trickled for as long as the
	 * client reads.
	 * @return the body, which never ends
	 */
	static InputStream endlessUser() {
		String[] around = userAroundUserName(Instant.now());
		return GeneratedBody
			.of(List.of(GeneratedBody.bytes(utf8(around[0])), GeneratedBody.repeat(FILLER, Long.MAX_VALUE)));
	}

	/**
	 * A Grantex-shaped error whose {@code message} is as long as the size requires.
	 * @param bytes the document's size
	 * @param code the error's {@code code}
	 * @return the document
	 * @throws IllegalArgumentException when the size is below the document without a
	 * message
	 */
	static Document grantexError(long bytes, String code) {
		ObjectNode error = JsonSupport.object();
		error.put("message", FILL_MARK);
		error.put("code", code);
		error.put("requestId", UUID.randomUUID().toString());
		String[] around = split(JsSemantics.stringify(error));
		return filled("a Grantex error", bytes, around[0], around[1]);
	}

	/**
	 * The real ServiceProviderConfig, but with an authentication scheme description as
	 * long as the size requires.
	 * @param bytes the document's size
	 * @return the document
	 * @throws IllegalArgumentException when the size is below the real document
	 */
	static Document serviceProviderConfig(long bytes) {
		ObjectNode config = Bodies.serviceProviderConfig();
		((ObjectNode) config.get("authenticationSchemes").get(0)).put("description", FILL_MARK);
		String[] around = split(JsSemantics.stringify(config));
		return filled("a ServiceProviderConfig", bytes, around[0], around[1]);
	}

	/**
	 * A ListResponse ({@code startIndex} 1, {@code totalResults} and {@code itemsPerPage}
	 * the number of users) with as many Users as fit.
	 * @param bytes the document's size
	 * @return the document
	 * @throws IllegalArgumentException when the size is below an empty list
	 */
	static Document userList(long bytes) {
		Instant created = Instant.now();
		String timestamp = ScimUserRoutes.timestamp(created);
		int itemLength = userItem(created.toEpochMilli(), timestamp, 0).length;
		return list("a ListResponse", bytes, itemLength, (count) -> {
			ObjectNode head = JsonSupport.object();
			head.putArray("schemas").add(Bodies.LIST_SCHEMA);
			head.put("totalResults", count);
			head.put("startIndex", 1);
			head.put("itemsPerPage", count);
			head.putArray("Resources");
			return head;
		}, (index) -> userItem(created.toEpochMilli(), timestamp, index));
	}

	/**
	 * A {@code GET /v1/scim/tokens} answer with as many tokens as fit.
	 * @param bytes the document's size
	 * @return the document
	 * @throws IllegalArgumentException when the size is below an empty list
	 */
	static Document tokenList(long bytes) {
		Instant created = Instant.now();
		String timestamp = ScimUserRoutes.timestamp(created);
		int itemLength = tokenItem(created.toEpochMilli(), timestamp, 0).length;
		return list("a token list", bytes, itemLength, (count) -> {
			ObjectNode head = JsonSupport.object();
			head.putArray("tokens");
			return head;
		}, (index) -> tokenItem(created.toEpochMilli(), timestamp, index));
	}

	/**
	 * A generated user, as the list faults and the large list put it on the wire.
	 * @param createdMillis the users' creation time
	 * @param timestamp the creation time as the server writes it
	 * @param index the user's number, from 0, which gives its id and user name
	 * @return the user's JSON text
	 */
	static String userJson(long createdMillis, String timestamp, long index) {
		StringBuilder json = new StringBuilder(320);
		json.append("{\"schemas\":[\"").append(Bodies.USER_SCHEMA).append("\"],\"id\":\"scimuser_");
		json.append(Ids.ulid(createdMillis, index));
		json.append("\",\"userName\":\"user-").append(fixedWidth(index + 1)).append("@example.com\"");
		json.append(",\"active\":true,\"emails\":\"[]\",\"meta\":{\"resourceType\":\"User\",\"created\":\"");
		json.append(timestamp).append("\",\"lastModified\":\"").append(timestamp).append("\"}}");
		return json.toString();
	}

	private static byte[] userItem(long createdMillis, String timestamp, long index) {
		return utf8(((index > 0) ? "," : "") + userJson(createdMillis, timestamp, index));
	}

	private static byte[] tokenItem(long createdMillis, String timestamp, long index) {
		String json = ((index > 0) ? "," : "") + "{\"id\":\"scimtok_" + Ids.ulid(createdMillis, index)
				+ "\",\"label\":\"token-" + fixedWidth(index + 1) + "\",\"createdAt\":\"" + timestamp
				+ "\",\"lastUsedAt\":null}";
		return utf8(json);
	}

	/**
	 * The number in 15 digits, so that every entry of a list has the same length.
	 * @param number the number
	 * @return its digits, zero-padded
	 */
	private static String fixedWidth(long number) {
		String digits = Long.toString(number);
		return "0".repeat(Math.max(0, 15 - digits.length())) + digits;
	}

	/**
	 * The User before and after its {@code userName}'s value.
	 * @param created the user's creation time
	 * @return the JSON text before the value and the JSON text after it
	 */
	private static String[] userAroundUserName(Instant created) {
		ObjectNode user = JsonSupport.object();
		user.putArray("schemas").add(Bodies.USER_SCHEMA);
		user.put("id", "scimuser_" + Ids.ulid(created.toEpochMilli(), 0));
		user.put("userName", FILL_MARK);
		user.put("active", true);
		user.put("emails", "[]");
		ObjectNode meta = user.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("created", ScimUserRoutes.timestamp(created));
		meta.put("lastModified", ScimUserRoutes.timestamp(created));
		return split(JsSemantics.stringify(user));
	}

	private static Document filled(String what, long bytes, String before, String after) {
		byte[] head = utf8(before);
		byte[] tail = utf8(after);
		long fill = bytes - head.length - tail.length;
		if (fill < 0) {
			throw new IllegalArgumentException(
					"bytes must be at least " + (head.length + tail.length) + " for " + what + ": " + bytes);
		}
		return new Document(bytes, () -> GeneratedBody
			.of(List.of(GeneratedBody.bytes(head), GeneratedBody.repeat(FILLER, fill), GeneratedBody.bytes(tail))));
	}

	/**
	 * A list document: the head (whose array member comes last and is written open), the
	 * entries, padding, and the closing brackets.
	 * @param what the document, for messages
	 * @param bytes the document's size
	 * @param itemLength the length of every entry but the first, which has no comma
	 * @param head builds the head for a number of entries, with the array member last and
	 * empty
	 * @param item builds the entry at an index, from 0, with its leading comma
	 * @return the document
	 */
	private static Document list(String what, long bytes, int itemLength, LongFunction<ObjectNode> head,
			LongFunction<byte[]> item) {
		String empty = JsSemantics.stringify(head.apply(0));
		int emptyLength = utf8(empty).length;
		if (bytes < emptyLength) {
			throw new IllegalArgumentException("bytes must be at least " + emptyLength + " for " + what + ": " + bytes);
		}
		// entries after the first carry their comma, so each costs itemLength + 1 but the
		// first; the head's numbers may grow by a few digits with the count, hence the
		// loop
		long count = Math.max(0, (bytes - emptyLength + 1) / (itemLength + 1));
		while (count > 0 && headLength(head, count) + 2 + entriesLength(count, itemLength) > bytes) {
			count--;
		}
		long entries = count;
		String opened = openList(head, entries);
		byte[] headBytes = utf8(opened);
		long padding = bytes - headBytes.length - 2 - entriesLength(entries, itemLength);
		return new Document(bytes,
				() -> GeneratedBody.of(List.of(GeneratedBody.bytes(headBytes), GeneratedBody.items(entries, item),
						GeneratedBody.repeat((byte) ' ', padding), GeneratedBody.bytes(utf8("]}")))));
	}

	private static long entriesLength(long count, int itemLength) {
		return (count == 0) ? 0 : count * (itemLength + 1) - 1;
	}

	private static long headLength(LongFunction<ObjectNode> head, long count) {
		return utf8(openList(head, count)).length;
	}

	/**
	 * The head's JSON text without the closing {@code ]}} of its last, empty array.
	 * @param head builds the head
	 * @param count the number of entries the head announces
	 * @return the head, its array open
	 */
	private static String openList(LongFunction<ObjectNode> head, long count) {
		String json = JsSemantics.stringify(head.apply(count));
		return json.substring(0, json.length() - 2);
	}

	private static String[] split(String json) {
		int mark = json.indexOf(FILL_MARK);
		return new String[] { json.substring(0, mark), json.substring(mark + FILL_MARK.length()) };
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A generated document: its exact length, and a way to generate it (once per answer).
	 *
	 * @param length the document's size in bytes
	 * @param body generates the document, a new stream each time
	 */
	record Document(long length, Supplier<InputStream> body) {
	}

}
