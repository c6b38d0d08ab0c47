package dev.grantex.scim.test.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import dev.grantex.scim.test.FakeScimUser;

/**
 * {@code /scim/v2/Users} and {@code /scim/v2/Users/{id}}, after SCIM-token
 * authentication.
 */
final class ScimUserRoutes {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Set<String> PATCHABLE_PATHS = Set.of("active", "userName", "displayName");

	private static final int DEFAULT_COUNT = 100;

	private static final int MAX_COUNT = 200;

	private static final double TWO_TO_THE_63 = 9.223372036854775808E18;

	private final GrantexState state;

	ScimUserRoutes(GrantexState state) {
		this.state = state;
	}

	WireResponse handle(Router.RouteMatch route, DeveloperAccount developer, @Nullable JsonNode body,
			WireRequest request) {
		try {
			return switch (route.kind()) {
				case LIST_USERS -> list(developer, request);
				case CREATE_USER -> create(developer, body);
				case GET_USER -> found(developer.user(route.requiredId()));
				case REPLACE_USER -> replace(developer, route.requiredId(), body);
				case PATCH_USER -> patch(developer, route.requiredId(), body);
				case DELETE_USER ->
					developer.deleteUser(route.requiredId()) ? WireResponse.noContent() : userNotFound();
				default -> throw new IllegalArgumentException("Not a user route: " + route.kind());
			};
		}
		catch (DatabaseError ex) {
			return Bodies.internalError();
		}
	}

	private WireResponse list(DeveloperAccount developer, WireRequest request) {
		Map<String, List<String>> query = UriComponents.queryParameters(request.rawQuery());
		// Math.max / Math.min propagate NaN exactly like their JavaScript namesakes.
		double startIndex = Math.max(1, numberParameter(query, "startIndex", 1));
		double count = Math.min(MAX_COUNT, Math.max(1, numberParameter(query, "count", DEFAULT_COUNT)));
		long limit = asSqlBigint(count);
		long offset = asSqlBigint(startIndex - 1);
		DeveloperAccount.Page page = developer.page(offset, limit);
		ObjectNode body = JsonSupport.object();
		body.putArray("schemas").add(Bodies.LIST_SCHEMA);
		body.put("totalResults", page.total());
		body.put("startIndex", startIndex);
		body.put("itemsPerPage", count);
		ArrayNode resources = body.putArray("Resources");
		for (FakeScimUser user : page.resources()) {
			resources.add(userJson(user));
		}
		return WireResponse.json(200, body);
	}

	private WireResponse create(DeveloperAccount developer, @Nullable JsonNode body) {
		DeveloperAccount.UserWrite write = userWrite(body);
		return WireResponse.json(201, userJson(developer.createUser(write)));
	}

	private WireResponse replace(DeveloperAccount developer, String id, @Nullable JsonNode body) {
		DeveloperAccount.UserWrite write = userWrite(body);
		return found(developer.replaceUser(id, write));
	}

	private WireResponse patch(DeveloperAccount developer, String id, @Nullable JsonNode body) {
		DeveloperAccount.UserPatch patch = userPatch(body);
		return found(developer.patchUser(id, patch));
	}

	private WireResponse found(@Nullable FakeScimUser user) {
		return (user != null) ? WireResponse.json(200, userJson(user)) : userNotFound();
	}

	private static WireResponse userNotFound() {
		return Bodies.scimError(404, "User not found", "noTarget");
	}

	/**
	 * The five stored fields of a POST or PUT body: {@code userName} required (truthy)
	 * and coerced to text, {@code active} true only for JSON {@code true} (true when
	 * omitted, {@code null} kept as null), {@code emails} kept as the JSON text of
	 * whatever was sent ({@code "[]"} when omitted).
	 * @param body the parsed body, or {@code null} when there was none
	 * @return the fields to store
	 * @throws Rejection 400 in the SCIM shape when {@code userName} is missing or falsy
	 */
	private static DeveloperAccount.UserWrite userWrite(@Nullable JsonNode body) {
		JsonNode userName = member(body, "userName");
		if (userName == null || !JsSemantics.isTruthy(userName)) {
			throw new Rejection(Bodies.scimError(400, "userName is required", "invalidValue"));
		}
		JsonNode active = member(body, "active");
		JsonNode emails = member(body, "emails");
		Boolean activeValue = Boolean.TRUE;
		if (active != null) {
			activeValue = active.isNull() ? null : Boolean.valueOf(active.isBoolean() && active.booleanValue());
		}
		return new DeveloperAccount.UserWrite(JsSemantics.toJsString(userName), textOrNull(member(body, "displayName")),
				textOrNull(member(body, "externalId")), activeValue,
				(emails != null) ? JsSemantics.stringify(emails) : "[]");
	}

	/**
	 * The changes of a PATCH body. Only {@code add} and {@code replace} (any letter case)
	 * on {@code active}, {@code userName}, {@code displayName} count, with that path or
	 * with no path and a value object; later operations win; a {@code null} value keeps
	 * the stored one. A non-array {@code Operations}, or an operation without a string
	 * {@code op}, fails as the real server's loop does (500).
	 * @param body the parsed body, or {@code null} when there was none
	 * @return the changes, {@code null} for each field left as it is
	 */
	private static DeveloperAccount.UserPatch userPatch(@Nullable JsonNode body) {
		JsonNode operations = member(body, "Operations");
		Map<String, JsonNode> changes = new HashMap<>();
		if (operations != null && !operations.isNull()) {
			if (!operations.isArray()) {
				throw Bodies.internalErrorRejection();
			}
			for (JsonNode operation : operations) {
				JsonNode op = operation.isObject() ? operation.get("op") : null;
				if (op == null || !op.isString()) {
					throw Bodies.internalErrorRejection();
				}
				String name = op.stringValue().toLowerCase(Locale.ROOT);
				if (!name.equals("replace") && !name.equals("add")) {
					continue;
				}
				JsonNode path = operation.get("path");
				JsonNode value = operation.get("value");
				if (path != null && path.isString() && PATCHABLE_PATHS.contains(path.stringValue())) {
					changes.put(path.stringValue(), (value != null) ? value : NullNode.getInstance());
				}
				else if (!JsSemantics.isTruthy(path) && value != null && value.isObject()) {
					for (Map.Entry<String, JsonNode> member : value.properties()) {
						changes.put(member.getKey(), member.getValue());
					}
				}
			}
		}
		JsonNode active = changes.get("active");
		Boolean activeValue = (active == null || active.isNull()) ? null
				: Boolean.valueOf(active.isBoolean() && active.booleanValue());
		return new DeveloperAccount.UserPatch(textOrNull(changes.get("userName")),
				textOrNull(changes.get("displayName")), activeValue);
	}

	private ObjectNode userJson(FakeScimUser user) {
		ObjectNode json = JsonSupport.object();
		json.putArray("schemas").add(Bodies.USER_SCHEMA);
		json.put("id", user.id());
		if (user.externalId() != null) {
			json.put("externalId", user.externalId());
		}
		json.put("userName", user.userName());
		if (user.displayName() != null) {
			json.put("displayName", user.displayName());
		}
		json.put("active", user.active());
		if (this.state.emailsAsArray()) {
			json.set("emails", JsonSupport.parse(user.emailsJson()));
		}
		else {
			json.put("emails", user.emailsJson());
		}
		ObjectNode meta = json.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("created", timestamp(user.created()));
		meta.put("lastModified", timestamp(user.lastModified()));
		return json;
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	private static @Nullable JsonNode member(@Nullable JsonNode body, String name) {
		return (body != null && body.isObject()) ? body.get(name) : null;
	}

	private static @Nullable String textOrNull(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : JsSemantics.toJsString(node);
	}

	/**
	 * A query parameter as JavaScript's {@code Number(...)} reads it; absent gives the
	 * default, a repeated parameter (an array on the server) gives NaN.
	 * @param query the parsed query
	 * @param name the parameter's name
	 * @param absent the value when the parameter is absent
	 * @return the number, possibly NaN
	 */
	private static double numberParameter(Map<String, List<String>> query, String name, double absent) {
		List<String> values = query.get(name);
		if (values == null) {
			return absent;
		}
		return (values.size() == 1) ? JsSemantics.toNumber(values.get(0)) : Double.NaN;
	}

	/**
	 * What PostgreSQL accepts as a LIMIT/OFFSET bigint; anything else fails the query
	 * (500).
	 * @param value the number the server passes to the query
	 * @return the integer
	 * @throws Rejection the uncaught-error 500 for a value that is not a 64-bit integer
	 */
	private static long asSqlBigint(double value) {
		if (!Double.isFinite(value) || value != Math.rint(value) || value >= TWO_TO_THE_63 || value < -TWO_TO_THE_63) {
			throw Bodies.internalErrorRejection();
		}
		return (long) value;
	}

}
