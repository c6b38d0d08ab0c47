package dev.grantex.scim.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimConflictException;
import dev.grantex.scim.error.ScimErrorResponse;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimRedirectException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.internal.json.ScimJsonReader;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimCredential;

/**
 * Turns what went wrong on the wire into the client's exceptions, with messages that say
 * what happened and what to change. Messages name requests by URI template, never hold a
 * credential or request data, and quote the server only through {@link ServerText}.
 */
public final class ErrorMapper {

	/** How much of an error body is kept on the exception. */
	static final int MAX_BODY_CHARS = 4096;

	private static final int MAX_EXPLANATION_CHARS = 1000;

	private static final int MAX_TOKEN_CHARS = 200;

	/** How much server text one message quotes, per quote. */
	private static final int MAX_QUOTE_CHARS = 200;

	private static final int MAX_SNIPPET_CHARS = 160;

	private static final Pattern RETRY_IN_SECONDS = Pattern.compile("retry in (\\d{1,9}) seconds?");

	private final ServerText serverText;

	private final String baseUrl;

	private final SettingNames settings;

	/**
	 * Creates the mapper of one client.
	 * @param serverText the client's redaction
	 * @param baseUrl the base URL, as messages may show it
	 * @param settings how messages name the settings a user changes
	 */
	public ErrorMapper(ServerText serverText, URI baseUrl, SettingNames settings) {
		this.serverText = serverText;
		this.baseUrl = baseUrl.toString();
		this.settings = settings;
	}

	ScimApiException fromResponse(ScimOperation operation, int status, HttpHeaders headers, ErrorAnswer body,
			@Nullable ScimCredential sent, @Nullable RateLimit rateLimit, @Nullable Duration retryAfter,
			boolean setsUserName) {
		ScimErrorResponse response = response(operation, status, body, rateLimit, retryAfter);
		String said = said(status, response, headers, body.bytes().length);
		String request = operation.describe();
		if (status == 401 || status == 403) {
			return new CredentialMessages(this.settings, this.baseUrl).refused(operation, status, response, said, sent);
		}
		if (status == 404) {
			return new ScimNotFoundException(body.isRouteNotFound()
					? "Grantex has no route for " + request + " (" + said + "); check that the base URL " + this.baseUrl
							+ " (" + this.settings.baseUrl() + ") points at a Grantex server."
					: request + " found nothing (" + said + ").", response);
		}
		if (status == 429) {
			Duration wait = (retryAfter != null) ? retryAfter : retryInFromMessage(response.message());
			return new ScimRateLimitException("Grantex rate limit exceeded on " + request + " (" + said + ")"
					+ ((wait != null) ? "; retry after " + wait.toSeconds() + "s." : "."), response, wait);
		}
		if (status == 409) {
			return new ScimConflictException("Grantex refused " + request + " as a conflict (" + said + ").", response);
		}
		if (status == 400 || status == 405 || status == 413 || status == 415 || status == 422) {
			return new ScimValidationException(
					"Grantex refused " + request + " as invalid (" + said + ")" + validationHint(status, body) + ".",
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

	private ScimErrorResponse response(ScimOperation operation, int status, ErrorAnswer body,
			@Nullable RateLimit rateLimit, @Nullable Duration retryAfter) {
		String text = this.serverText.safeBody(new String(body.bytes(), StandardCharsets.UTF_8), MAX_BODY_CHARS);
		ScimJsonReader.ErrorBody parsed = body.parsed();
		return new ScimErrorResponse(status, operation.describe(), token(parsed.code()),
				this.serverText.safeOrNull(parsed.message(), MAX_EXPLANATION_CHARS), token(parsed.scimType()),
				this.serverText.safeOrNull(parsed.detail(), MAX_EXPLANATION_CHARS), token(parsed.requestId()),
				rateLimit, retryAfter, text);
	}

	private @Nullable String token(@Nullable String text) {
		return this.serverText.safeOrNull(text, MAX_TOKEN_CHARS);
	}

	ScimRedirectException redirect(ScimOperation operation, int status, @Nullable String location) {
		String origin = (location != null) ? origin(location) : null;
		String where = (origin != null) ? " to " + origin : (location != null) ? " to the same host" : "";
		return new ScimRedirectException("Grantex answered " + operation.describe() + " with a redirect (" + status
				+ where + "), which the client never follows: Grantex's API does not redirect, so something between "
				+ "the client and Grantex answered (a proxy or load balancer), and following it could send the "
				+ "credential elsewhere. Check that the base URL " + this.baseUrl + " (" + this.settings.baseUrl()
				+ ") is Grantex's own address.", status, origin);
	}

	/* The scheme, host and port of an absolute location; never its path or query. */
	private @Nullable String origin(String location) {
		try {
			URI uri = new URI(location.trim());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
					+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
			return this.serverText.safe(origin, MAX_QUOTE_CHARS);
		}
		catch (URISyntaxException ex) {
			return "an unreadable location";
		}
	}

	ScimProtocolException unreadable(ScimOperation operation, int status, String reason, @Nullable Throwable cause,
			boolean transientFailure) {
		return new ScimProtocolException("Grantex answered " + operation.describe() + " with " + status
				+ ", but the body could not be read: " + this.serverText.safe(reason, MAX_QUOTE_CHARS), status, cause,
				transientFailure);
	}

	ScimProtocolException tooLarge(ScimOperation operation, int status, long maxBytes) {
		return new ScimProtocolException("Grantex answered " + operation.describe() + " with " + status
				+ " and a body larger than the client accepts ("
				+ ResponseBody.ResponseTooLargeException.describe(maxBytes)
				+ "); no Grantex answer is that large, so it was not read. The limit is the client's "
				+ "maxResponseSize.", status, null, false);
	}

	ScimTransportException transport(ScimOperation operation, Throwable failure) {
		ScimTransportException.Kind kind = TransportFailures.classify(failure);
		Throwable cause = TransportFailures.ioCause(failure);
		String reason = switch (kind) {
			case CONNECT_REFUSED -> "could not connect";
			case CONNECT_TIMEOUT -> "timed out connecting";
			case READ_TIMEOUT -> "timed out waiting for the answer";
			case CONNECTION_RESET -> "the connection broke";
		};
		String detail = cause.getClass().getSimpleName() + ((cause.getMessage() != null)
				? ": " + this.serverText.safe(cause.getMessage(), MAX_QUOTE_CHARS) : "");
		return new ScimTransportException(
				operation.describe() + " to " + this.baseUrl + " failed, " + reason + ": " + detail, kind, failure);
	}

	ScimMissingCredentialException missing(ScimOperation operation, ScimCredential credential) {
		return new CredentialMessages(this.settings, this.baseUrl).missing(operation, credential);
	}

	/**
	 * The client held a request back because the budget Grantex announced would not allow
	 * it before the deadline.
	 * @param operation the operation
	 * @param wait how long the budget would have made it wait
	 * @param rateLimit the last rate limit announced, or {@code null}
	 * @return the exception
	 */
	public ScimRateLimitException heldBack(ScimOperation operation, Duration wait, @Nullable RateLimit rateLimit) {
		String seconds = Math.max(1, wait.toMillis() / 1000) + "s";
		ScimErrorResponse response = new ScimErrorResponse(429, operation.describe(), null, null, null, null, null,
				rateLimit, wait, "");
		return new ScimRateLimitException("Not sent: " + operation.describe() + " would have to wait " + seconds
				+ " for Grantex's announced rate limit, longer than what is left of the call's deadline; retry after "
				+ seconds + ".", response, wait, false);
	}

	private String said(int status, ScimErrorResponse response, HttpHeaders headers, int bodyLength) {
		StringBuilder said = new StringBuilder();
		said.append(status);
		HttpStatus known = HttpStatus.resolve(status);
		if (known != null) {
			said.append(' ').append(known.getReasonPhrase());
		}
		String explanation = response.explanation();
		if (explanation != null) {
			said.append(": ").append(quote(explanation));
			if (response.scimType() != null) {
				said.append(" [scimType ").append(quote(response.scimType())).append(']');
			}
			if (response.code() != null) {
				said.append(" [code ").append(quote(response.code())).append(']');
			}
		}
		else if (bodyLength == 0) {
			said.append(", empty body");
		}
		else {
			MediaType contentType = contentType(headers);
			said.append(", a body that is not a JSON error");
			if (contentType != null) {
				said.append(" (").append(quote(contentType.getType() + "/" + contentType.getSubtype())).append(')');
			}
			said.append(": \"")
				.append(this.serverText.safe(response.body().replaceAll("\\s+", " ").trim(), MAX_SNIPPET_CHARS))
				.append('"');
		}
		if (response.requestId() != null) {
			said.append(" [requestId ").append(quote(response.requestId())).append(']');
		}
		return said.toString();
	}

	/* Quotes a text already made safe, shorter. */
	private String quote(String safe) {
		return this.serverText.safe(safe, MAX_QUOTE_CHARS);
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String validationHint(int status, ErrorAnswer body) {
		if (body.isCleartextUpgradeRefusal()) {
			return "; the HTTP client asked to upgrade to HTTP/2 over cleartext, which Grantex refuses: give the "
					+ "client a transport that speaks HTTP/1.1 to http:// URLs, such as its default";
		}
		return switch (status) {
			case 413 -> "; Grantex accepts request bodies of at most 1 MiB";
			case 415 -> "; Grantex accepts only application/json request bodies";
			default -> "";
		};
	}

	private static @Nullable Duration retryInFromMessage(@Nullable String message) {
		if (message == null) {
			return null;
		}
		Matcher matcher = RETRY_IN_SECONDS.matcher(message);
		return matcher.find() ? Duration.ofSeconds(Long.parseLong(matcher.group(1))) : null;
	}

}
