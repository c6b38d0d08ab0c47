package dev.grantex.scim.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimConflictException;
import dev.grantex.scim.error.ScimCredential;
import dev.grantex.scim.error.ScimErrorResponse;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.model.RateLimit;

/**
 * Turns what went wrong on the wire into the client's exceptions, with messages that say
 * what happened and what to change. Messages name requests by URI template and never
 * contain a credential or request data.
 */
final class ScimErrors {

	/** How much of an error body is kept on the exception. */
	static final int MAX_BODY_CHARS = 4096;

	private static final int SNIPPET_CHARS = 160;

	private static final Pattern RETRY_IN_SECONDS = Pattern.compile("retry in (\\d{1,9}) seconds?");

	private final ScimJson json;

	private final Redactor redactor;

	private final URI baseUrl;

	ScimErrors(ScimJson json, Redactor redactor, URI baseUrl) {
		this.json = json;
		this.redactor = redactor;
		this.baseUrl = baseUrl;
	}

	ScimApiException fromResponse(ScimOperation operation, int status, HttpHeaders headers, byte[] body,
			@Nullable ScimCredential sent, @Nullable RateLimit rateLimit, @Nullable Duration retryAfter,
			boolean setsUserName) {
		ScimJson.ErrorBody parsed = this.json.readErrorBody(body);
		String bodyText = this.redactor.redact(truncate(new String(body, StandardCharsets.UTF_8), MAX_BODY_CHARS));
		ScimErrorResponse response = (parsed != null)
				? new ScimErrorResponse(status, operation.describe(), parsed.code(), redactNullable(parsed.message()),
						parsed.scimType(), redactNullable(parsed.detail()), parsed.requestId(), rateLimit, retryAfter,
						bodyText)
				: new ScimErrorResponse(status, operation.describe(), null, null, null, null, null, rateLimit,
						retryAfter, bodyText);
		String said = said(status, response, headers, body);
		String request = operation.describe();
		if (status == 401 || status == 403) {
			return authentication(operation, status, response, said, sent);
		}
		if (status == 404) {
			if (isRouteNotFound(parsed)) {
				return new ScimNotFoundException("Grantex has no route for " + request + " (" + said
						+ "); check that the base URL " + this.baseUrl + " points at a Grantex server.", response);
			}
			return new ScimNotFoundException(request + " found nothing (" + said + ").", response);
		}
		if (status == 429) {
			Duration wait = (retryAfter != null) ? retryAfter : retryInFromMessage(response.message());
			return new ScimRateLimitException("Grantex rate limit exceeded on " + request + " (" + said + ")"
					+ ((wait != null) ? "; retry after " + wait.toSeconds() + "s." : "."), response, wait);
		}
		if (status == 409) {
			return new ScimConflictException("Grantex refused " + request + " as a conflict (" + said + ").", response);
		}
		if (status == 400 || status == 413 || status == 415 || status == 422) {
			return new ScimValidationException(
					"Grantex refused " + request + " as invalid (" + said + ")" + validationHint(status) + ".",
					response);
		}
		if (status >= 500) {
			boolean likelyDuplicate = (status == 500) && setsUserName;
			String hint = likelyDuplicate ? " Grantex answers 500, not 409, when the userName is already taken by "
					+ "another user of this developer: that is the likely cause here." : "";
			return new ScimServerException("Grantex failed on " + request + " (" + said + ")." + hint, response,
					likelyDuplicate);
		}
		return new ScimApiException("Grantex answered " + request + " unexpectedly (" + said + ").", response);
	}

	private ScimApiException authentication(ScimOperation operation, int status, ScimErrorResponse response,
			String said, @Nullable ScimCredential sent) {
		String request = operation.describe();
		ScimCredential needed = (operation.credential() != null) ? operation.credential() : ScimCredential.SCIM_TOKEN;
		ScimCredential refused = (sent != null) ? sent : needed;
		String verb = (status == 403) ? "denied" : "refused";
		String message;
		if (needed == ScimCredential.SCIM_TOKEN && response.scimType() == null && response.code() != null) {
			// Grantex checks API keys on every path outside /scim/v2, unknown ones
			// included: a Grantex-shaped 401
			// to a SCIM request means it never reached the SCIM routes
			message = "Grantex answered " + request + " with the 401 of its API-key routes (" + said + "), not "
					+ "the SCIM one: the request did not reach the SCIM routes. Check that the base URL " + this.baseUrl
					+ " is the Grantex root, without a path such as /scim/v2.";
		}
		else if (sent == null) {
			message = "Grantex " + verb + " " + request + " without a credential (" + said + ").";
		}
		else if (sent != needed) {
			message = "Grantex " + verb + " the " + sent.displayName() + " on " + request + " (" + said + "). "
					+ "This route accepts only a " + needed.displayName() + ": " + needed.howToSet()
					+ ((needed == ScimCredential.SCIM_TOKEN) ? "; createToken(label) makes one with the API key."
							: ".");
		}
		else if (sent == ScimCredential.SCIM_TOKEN) {
			message = "Grantex " + verb + " the SCIM token on " + request + " (" + said + "): it is unknown or has "
					+ "been revoked. Configure a valid one: " + sent.howToSet()
					+ "; createToken(label) makes a new one with the API key.";
		}
		else {
			message = "Grantex " + verb + " the developer API key on " + request + " (" + said + "). Check the key: "
					+ sent.howToSet() + "; a SCIM token is not accepted on this route.";
		}
		return new ScimAuthenticationException(message, response, refused);
	}

	static ScimMissingCredentialException missing(ScimOperation operation, ScimCredential credential) {
		String message = (credential == ScimCredential.API_KEY)
				? operation.describe() + " needs the developer API key, and none is configured: "
						+ credential.howToSet() + "."
				: operation.describe() + " needs a SCIM token, and neither a SCIM token nor an API key is "
						+ "configured: " + credential.howToSet() + ". Create one with createToken(label), which "
						+ "needs the API key (" + ScimCredential.API_KEY.property() + ").";
		return new ScimMissingCredentialException(message, credential);
	}

	ScimTransportException transport(ScimOperation operation, Throwable failure) {
		ScimTransportException.Kind kind = classify(failure);
		Throwable cause = firstIoCause(failure);
		String reason = switch (kind) {
			case CONNECT_REFUSED -> "could not connect";
			case CONNECT_TIMEOUT -> "timed out connecting";
			case READ_TIMEOUT -> "timed out waiting for the answer";
			case CONNECTION_RESET -> "the connection broke";
		};
		String detail = (cause.getMessage() != null)
				? ": " + cause.getClass().getSimpleName() + ": " + this.redactor.redact(cause.getMessage())
				: ": " + cause.getClass().getSimpleName();
		return new ScimTransportException(operation.describe() + " to " + this.baseUrl + " failed, " + reason + detail,
				kind, failure);
	}

	static ScimTransportException.Kind classify(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof HttpConnectTimeoutException) {
				return ScimTransportException.Kind.CONNECT_TIMEOUT;
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException
					|| t instanceof NoRouteToHostException) {
				return ScimTransportException.Kind.CONNECT_REFUSED;
			}
			if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
				return ScimTransportException.Kind.READ_TIMEOUT;
			}
		}
		return ScimTransportException.Kind.CONNECTION_RESET;
	}

	/**
	 * The outermost I/O exception: the one that names the failure, where deeper ones name
	 * mechanics.
	 */
	private static Throwable firstIoCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof IOException) {
				return t;
			}
		}
		return failure;
	}

	private String said(int status, ScimErrorResponse response, HttpHeaders headers, byte[] body) {
		StringBuilder said = new StringBuilder();
		said.append(status);
		HttpStatus known = HttpStatus.resolve(status);
		if (known != null) {
			said.append(' ').append(known.getReasonPhrase());
		}
		String explanation = response.explanation();
		if (explanation != null) {
			said.append(": ").append(explanation);
			if (response.scimType() != null) {
				said.append(" [scimType ").append(response.scimType()).append(']');
			}
			if (response.code() != null) {
				said.append(" [code ").append(response.code()).append(']');
			}
		}
		else if (body.length == 0) {
			said.append(", empty body");
		}
		else {
			MediaType contentType = headers.getContentType();
			said.append(", a body that is not a JSON error");
			if (contentType != null) {
				said.append(" (")
					.append(contentType.getType())
					.append('/')
					.append(contentType.getSubtype())
					.append(')');
			}
			said.append(": \"").append(snippet(response.body())).append('"');
		}
		if (response.requestId() != null) {
			said.append(" [requestId ").append(response.requestId()).append(']');
		}
		return said.toString();
	}

	private static String validationHint(int status) {
		return switch (status) {
			case 413 -> "; Grantex accepts request bodies of at most 1 MiB";
			case 415 -> "; Grantex accepts only application/json request bodies";
			default -> "";
		};
	}

	private static boolean isRouteNotFound(ScimJson.@Nullable ErrorBody parsed) {
		return parsed != null && parsed.scimType() == null && parsed.message() != null
				&& parsed.message().startsWith("Route ");
	}

	private static @Nullable Duration retryInFromMessage(@Nullable String message) {
		if (message == null) {
			return null;
		}
		Matcher matcher = RETRY_IN_SECONDS.matcher(message);
		return matcher.find() ? Duration.ofSeconds(Long.parseLong(matcher.group(1))) : null;
	}

	private @Nullable String redactNullable(@Nullable String text) {
		return (text != null) ? this.redactor.redact(text) : null;
	}

	private static String snippet(String body) {
		String collapsed = body.replaceAll("\\s+", " ").trim();
		return truncate(collapsed, SNIPPET_CHARS);
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "…";
	}

}
