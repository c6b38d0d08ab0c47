package dev.grantex.scim.test.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The real server's route table for the SCIM surface. Matching is case-sensitive, on
 * decoded path segments, with no trailing-slash forgiveness: {@code /scim/v2/Users/} is
 * the user route with an empty id. {@code HEAD} matches the {@code GET} routes;
 * {@code OPTIONS} matches everything (the CORS plugin's preflight route).
 */
final class Router {

	private Router() {
	}

	static RouteMatch match(String method, String rawPath) {
		if (method.equals("OPTIONS")) {
			return new RouteMatch(RouteKind.CORS_PREFLIGHT, null);
		}
		if (!rawPath.startsWith("/")) {
			return notFound();
		}
		String verb = method.equals("HEAD") ? "GET" : method;
		List<String> segments = UriComponents.pathSegments(rawPath);
		if (segments.size() == 3 && startsWith(segments, "scim", "v2")) {
			switch (segments.get(2)) {
				case "ServiceProviderConfig":
					return verb.equals("GET") ? new RouteMatch(RouteKind.SERVICE_PROVIDER_CONFIG, null) : notFound();
				case "Users":
					return switch (verb) {
						case "GET" -> new RouteMatch(RouteKind.LIST_USERS, null);
						case "POST" -> new RouteMatch(RouteKind.CREATE_USER, null);
						default -> notFound();
					};
				default:
					return notFound();
			}
		}
		if (segments.size() == 4 && startsWith(segments, "scim", "v2") && segments.get(2).equals("Users")) {
			String id = segments.get(3);
			return switch (verb) {
				case "GET" -> new RouteMatch(RouteKind.GET_USER, id);
				case "PUT" -> new RouteMatch(RouteKind.REPLACE_USER, id);
				case "PATCH" -> new RouteMatch(RouteKind.PATCH_USER, id);
				case "DELETE" -> new RouteMatch(RouteKind.DELETE_USER, id);
				default -> notFound();
			};
		}
		if (segments.size() == 3 && startsWith(segments, "v1", "scim") && segments.get(2).equals("tokens")) {
			return switch (verb) {
				case "GET" -> new RouteMatch(RouteKind.LIST_TOKENS, null);
				case "POST" -> new RouteMatch(RouteKind.CREATE_TOKEN, null);
				default -> notFound();
			};
		}
		if (segments.size() == 4 && startsWith(segments, "v1", "scim") && segments.get(2).equals("tokens")
				&& verb.equals("DELETE")) {
			return new RouteMatch(RouteKind.REVOKE_TOKEN, segments.get(3));
		}
		return notFound();
	}

	private static boolean startsWith(List<String> segments, String first, String second) {
		return segments.get(0).equals(first) && segments.get(1).equals(second);
	}

	private static RouteMatch notFound() {
		return new RouteMatch(RouteKind.NOT_FOUND, null);
	}

	enum RouteKind {

		SERVICE_PROVIDER_CONFIG, LIST_USERS, CREATE_USER, GET_USER, REPLACE_USER, PATCH_USER, DELETE_USER, CREATE_TOKEN,
		LIST_TOKENS, REVOKE_TOKEN, CORS_PREFLIGHT, NOT_FOUND

	}

	/**
	 * The matched route and, for {@code /{id}} routes, the decoded id.
	 *
	 * @param kind the route
	 * @param id the decoded last path segment of an {@code /{id}} route, else
	 * {@code null}
	 */
	record RouteMatch(RouteKind kind, @Nullable String id) {

		/**
		 * The id of an {@code /{id}} route.
		 * @return the decoded id
		 */
		String requiredId() {
			if (this.id == null) {
				throw new IllegalStateException(this.kind + " has no id");
			}
			return this.id;
		}
	}

}
