package dev.grantex.scim.test.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The real server's request lifecycle for the SCIM surface, in its order:
 * <ol>
 * <li>a cleartext HTTP/2 upgrade request is refused before it reaches the
 * application;</li>
 * <li>routing; unknown routes get the framework 404, without the per-IP limiter (but
 * under {@code /v1/} after API-key authentication and the plan limiter, which are global
 * hooks);</li>
 * <li>the per-IP limiter, on every known route, before anything else can fail;</li>
 * <li>body parsing (415, 413, 400), before authentication;</li>
 * <li>authentication: API key on {@code /v1/scim/tokens}, SCIM token on
 * {@code /scim/v2/Users};</li>
 * <li>the per-developer plan limiter, on the API-key routes only; its headers replace the
 * per-IP ones;</li>
 * <li>the route handler.</li>
 * </ol>
 * Every response carries {@code cache-control: no-store}, as the real server's do.
 */
final class GrantexPipeline {

	private final GrantexState state;

	private final ScimUserRoutes users;

	private final TokenRoutes tokens;

	GrantexPipeline(GrantexState state) {
		this.state = state;
		this.users = new ScimUserRoutes(state);
		this.tokens = new TokenRoutes(state);
	}

	WireResponse handle(WireRequest request) {
		return respond(request).withHeader("cache-control", "no-store");
	}

	private WireResponse respond(WireRequest request) {
		if (request.asksForH2cUpgrade()) {
			WireResponse refusal = refuseCleartextUpgrade(request);
			if (refusal != null) {
				return refusal;
			}
		}
		Router.RouteMatch route = Router.match(request.method(), request.rawPath());
		RateHeaders rate = new RateHeaders();
		WireResponse response;
		try {
			response = serve(request, route, rate);
		}
		catch (Rejection rejection) {
			response = rejection.response();
		}
		return response.withLeadingHeaders(rate.current);
	}

	/**
	 * Node refuses an {@code Upgrade: h2c} request it has no upgrade handler for.
	 * Requests with a body get further, and fail in body parsing instead (see
	 * {@link BodyParser}).
	 * @param request a request asking for the upgrade
	 * @return the refusal, or {@code null} for a request that gets as far as body parsing
	 */
	private static @Nullable WireResponse refuseCleartextUpgrade(WireRequest request) {
		String method = request.method();
		if (method.equals("DELETE")) {
			return WireResponse.text(405, "text/plain", "Invalid HTTP method");
		}
		if (method.equals("GET") || method.equals("HEAD") || !request.declaresBody()) {
			return WireResponse.text(400, "text/plain", "Invalid Upgrade header");
		}
		return null;
	}

	private WireResponse serve(WireRequest request, Router.RouteMatch route, RateHeaders rate) {
		if (route.kind() == Router.RouteKind.NOT_FOUND) {
			return notFound(request, rate);
		}
		countPerIp(request, rate);
		if (route.kind() == Router.RouteKind.CORS_PREFLIGHT) {
			return WireResponse.text(400, "text/plain", "Invalid Preflight Request");
		}
		JsonNode body = BodyParser.parse(request);
		return switch (route.kind()) {
			case SERVICE_PROVIDER_CONFIG -> WireResponse.json(200, Bodies.serviceProviderConfig());
			case LIST_USERS, CREATE_USER, GET_USER, REPLACE_USER, PATCH_USER, DELETE_USER ->
				this.users.handle(route, authenticateScimToken(request), body, request);
			case CREATE_TOKEN, LIST_TOKENS, REVOKE_TOKEN -> {
				DeveloperAccount developer = authenticateApiKey(request);
				countPlan(developer, rate);
				yield this.tokens.handle(route, developer, body);
			}
			case CORS_PREFLIGHT, NOT_FOUND -> throw new IllegalStateException("Handled above: " + route.kind());
		};
	}

	private WireResponse notFound(WireRequest request, RateHeaders rate) {
		BodyParser.parse(request);
		if (request.rawPath().startsWith("/v1/")) {
			countPlan(authenticateApiKey(request), rate);
		}
		return Bodies.routeNotFound(request);
	}

	private void countPerIp(WireRequest request, RateHeaders rate) {
		RateLimiter.Decision decision = this.state.ipLimiter().acquire(request.remoteAddress());
		rate.current = headers(decision);
		if (!decision.allowed()) {
			throw new Rejection(Bodies.grantexError(429,
					"Rate limit exceeded, retry in " + humanDuration(decision.resetSeconds() * 1000), "BAD_REQUEST"));
		}
	}

	private void countPlan(DeveloperAccount developer, RateHeaders rate) {
		RateLimiter.Decision decision = this.state.planLimiter().acquire(developer.id);
		rate.current = headers(decision);
		if (!decision.allowed()) {
			throw new Rejection(Bodies.grantexError(429,
					"Plan rate limit exceeded, retry in " + decision.resetSeconds() + " seconds",
					"RATE_LIMIT_EXCEEDED"));
		}
	}

	private static List<WireResponse.Header> headers(RateLimiter.Decision decision) {
		List<WireResponse.Header> headers = new ArrayList<>(4);
		headers.add(new WireResponse.Header("x-ratelimit-limit", Integer.toString(decision.limit())));
		headers.add(new WireResponse.Header("x-ratelimit-remaining", Integer.toString(decision.remaining())));
		headers.add(new WireResponse.Header("x-ratelimit-reset", Long.toString(decision.resetSeconds())));
		if (!decision.allowed()) {
			headers.add(new WireResponse.Header("retry-after", Long.toString(decision.resetSeconds())));
		}
		return headers;
	}

	/**
	 * {@code Authorization: Bearer <key>}, scheme in any letter case.
	 * @param request the request
	 * @return the developer whose API key it carries
	 * @throws Rejection 401 in the Grantex shape for a missing or unknown key
	 */
	private DeveloperAccount authenticateApiKey(WireRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null || authorization.length() <= 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new Rejection(Bodies.grantexError(401, "Missing or invalid Authorization header", "UNAUTHORIZED"));
		}
		DeveloperAccount developer = this.state.developerByApiKey(authorization.substring(7));
		if (developer == null) {
			throw new Rejection(Bodies.grantexError(401, "Invalid API key", "UNAUTHORIZED"));
		}
		return developer;
	}

	/**
	 * Exactly {@code Bearer} and one space, then the token verbatim: {@code bearer},
	 * Basic or a missing header are "missing"; a second space becomes part of the (then
	 * unknown) token. Trailing whitespace never reaches this point: the HTTP parser
	 * strips it from header values.
	 * @param request the request
	 * @return the developer owning the live SCIM token it carries
	 * @throws Rejection 401 in the SCIM shape for a missing, unknown or revoked token
	 */
	private DeveloperAccount authenticateScimToken(WireRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			throw new Rejection(Bodies.scimError(401, "Missing or invalid Bearer token", "unauthorized"));
		}
		DeveloperAccount developer = this.state.developerByScimToken(authorization.substring(7));
		if (developer == null) {
			throw new Rejection(Bodies.scimError(401, "Invalid SCIM token", "unauthorized"));
		}
		return developer;
	}

	/**
	 * A duration in the long form the per-IP limiter's message uses: "34 seconds", "1
	 * second", "1 minute".
	 * @param millis the duration in milliseconds
	 * @return the duration in words
	 */
	static String humanDuration(long millis) {
		long second = 1000;
		long minute = 60 * second;
		long hour = 60 * minute;
		long day = 24 * hour;
		if (millis >= day) {
			return plural(millis, day, "day");
		}
		if (millis >= hour) {
			return plural(millis, hour, "hour");
		}
		if (millis >= minute) {
			return plural(millis, minute, "minute");
		}
		if (millis >= second) {
			return plural(millis, second, "second");
		}
		return millis + " ms";
	}

	private static String plural(long millis, long unit, String name) {
		boolean many = millis >= unit * 1.5;
		return Math.round((double) millis / unit) + " " + name + (many ? "s" : "");
	}

	/** The rate-limit headers of the latest limiter that counted the request. */
	private static final class RateHeaders {

		private List<WireResponse.Header> current = List.of();

	}

}
