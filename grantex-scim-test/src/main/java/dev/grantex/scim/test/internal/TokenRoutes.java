package dev.grantex.scim.test.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.grantex.scim.test.FakeScimToken;

/**
 * {@code /v1/scim/tokens} and {@code DELETE /v1/scim/tokens/{id}}, after API-key
 * authentication.
 */
final class TokenRoutes {

	private final GrantexState state;

	TokenRoutes(GrantexState state) {
		this.state = state;
	}

	WireResponse handle(Router.RouteMatch route, DeveloperAccount developer, @Nullable JsonNode body) {
		try {
			return switch (route.kind()) {
				case CREATE_TOKEN -> create(developer, body);
				case LIST_TOKENS -> list(developer);
				case REVOKE_TOKEN -> this.state.revokeToken(developer, route.requiredId()) ? WireResponse.noContent()
						: Bodies.grantexError(404, "SCIM token not found", "NOT_FOUND");
				default -> throw new IllegalArgumentException("Not a token route: " + route.kind());
			};
		}
		catch (DatabaseError ex) {
			return Bodies.internalError();
		}
	}

	private WireResponse create(DeveloperAccount developer, @Nullable JsonNode body) {
		JsonNode label = (body != null && body.isObject()) ? body.get("label") : null;
		if (label == null || !JsSemantics.isTruthy(label)) {
			return Bodies.grantexError(400, "label is required", "BAD_REQUEST");
		}
		TokenRecord token = this.state.issueToken(developer, JsSemantics.toJsString(label));
		ObjectNode json = JsonSupport.object();
		json.put("id", token.id);
		json.put("label", token.label);
		json.put("token", token.secret);
		json.put("createdAt", ScimUserRoutes.timestamp(token.createdAt));
		return WireResponse.json(201, json);
	}

	private static WireResponse list(DeveloperAccount developer) {
		ObjectNode json = JsonSupport.object();
		ArrayNode tokens = json.putArray("tokens");
		for (FakeScimToken token : developer.liveTokensNewestFirst()) {
			tokens.addObject()
				.put("id", token.id())
				.put("label", token.label())
				.put("createdAt", ScimUserRoutes.timestamp(token.createdAt()))
				.putNull("lastUsedAt");
		}
		return WireResponse.json(200, json);
	}

}
