package dev.grantex.scim.test.internal;

import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * The real server's three error shapes and its fixed documents, member order included.
 */
final class Bodies {

	static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
	static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
	static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

	private Bodies() {
	}

	/**
	 * Grantex shape {@code {"message","code","requestId"}}, with a fresh request id.
	 * @param status the status code
	 * @param message the human-readable {@code message}
	 * @param code the machine-readable {@code code}, e.g. {@code BAD_REQUEST}
	 * @return the answer, {@code application/json; charset=utf-8}
	 */
	static WireResponse grantexError(int status, String message, String code) {
		ObjectNode body = JsonSupport.object();
		body.put("message", message);
		body.put("code", code);
		body.put("requestId", UUID.randomUUID().toString());
		return WireResponse.json(status, body);
	}

	/**
	 * SCIM shape {@code {"schemas","detail","scimType","status"}}, {@code status} a JSON
	 * number.
	 * @param status the status code, also written as the {@code status} member
	 * @param detail the human-readable {@code detail}
	 * @param scimType the {@code scimType}, e.g. {@code invalidValue}
	 * @return the answer, {@code application/json; charset=utf-8}
	 */
	static WireResponse scimError(int status, String detail, String scimType) {
		ObjectNode body = JsonSupport.object();
		body.putArray("schemas").add(ERROR_SCHEMA);
		body.put("detail", detail);
		body.put("scimType", scimType);
		body.put("status", status);
		return WireResponse.json(status, body);
	}

	/**
	 * The framework's 404 {@code {"message":"Route GET:/x not found","error":"Not
	 * Found","statusCode":404}}.
	 * @param request the request no route matched, whose method and target the message
	 * names
	 * @return the answer
	 */
	static WireResponse routeNotFound(WireRequest request) {
		ObjectNode body = JsonSupport.object();
		body.put("message", "Route " + request.method() + ":" + request.rawTarget() + " not found");
		body.put("error", "Not Found");
		body.put("statusCode", 404);
		return WireResponse.json(404, body);
	}

	/**
	 * The uncaught-error 500, which never carries details.
	 * @return the answer, with a fresh request id
	 */
	static WireResponse internalError() {
		return grantexError(500, "An unexpected error occurred", "INTERNAL_ERROR");
	}

	static Rejection internalErrorRejection() {
		return new Rejection(internalError());
	}

	static ObjectNode serviceProviderConfig() {
		ObjectNode body = JsonSupport.object();
		body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
		body.putObject("patch").put("supported", true);
		body.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
		body.putObject("filter").put("supported", false).put("maxResults", 200);
		body.putObject("changePassword").put("supported", false);
		body.putObject("sort").put("supported", false);
		body.putObject("etag").put("supported", false);
		body.putArray("authenticationSchemes")
			.addObject()
			.put("name", "OAuth Bearer Token")
			.put("description", "Authentication scheme using the Bearer token")
			.put("type", "oauthbearertoken")
			.put("primary", true);
		body.putObject("meta").put("resourceType", "ServiceProviderConfig");
		return body;
	}

}
