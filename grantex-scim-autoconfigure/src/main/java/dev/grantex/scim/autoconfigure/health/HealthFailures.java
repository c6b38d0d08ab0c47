package dev.grantex.scim.autoconfigure.health;

import java.time.Duration;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.error.ScimMissingCredentialException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimRedirectException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.model.ScimCredential;

/**
 * What a failed health probe shows: the status Grantex answered, what failed, and what to
 * do, from the failure's own classification. Only the client's already redacted and
 * escaped texts are shown, cut short; never an exception's message.
 */
final class HealthFailures {

	private static final int MAX_CODE_LENGTH = 64;

	private HealthFailures() {
	}

	static boolean isRefusal(ScimException failure) {
		return failure instanceof ScimAuthenticationException || failure instanceof ScimMissingCredentialException;
	}

	static void describe(@Nullable ScimCredential credential, ScimException failure, Health.Builder builder,
			Log logger) {
		String error;
		String hint;
		if (failure instanceof ScimApiException api) {
			builder.withDetail("statusCode", api.statusCode());
			String code = api.errorCode();
			error = api.response().request() + " answered " + api.statusCode()
					+ ((code != null) ? " " + shortened(code) : "");
			hint = hint(credential, api);
		}
		else if (failure instanceof ScimTransportException transport) {
			error = "transport error: " + transport.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
			hint = hint(transport);
		}
		else if (failure instanceof ScimRedirectException redirect) {
			builder.withDetail("statusCode", redirect.statusCode());
			error = "answered " + redirect.statusCode() + " with a redirect"
					+ ((redirect.locationOrigin() != null) ? " to " + redirect.locationOrigin() : "")
					+ ", not followed";
			hint = "Grantex's API never redirects: check that grantex.base-url is Grantex's own address";
		}
		else if (failure instanceof ScimProtocolException protocol) {
			builder.withDetail("statusCode", protocol.statusCode());
			error = "answered " + protocol.statusCode() + " with a body that is not Grantex's";
			hint = "Check that grantex.base-url points at the Grantex API, not at a proxy or web page";
		}
		else if (failure instanceof ScimMissingCredentialException missing) {
			error = "no " + missing.credential().displayName() + " configured";
			hint = "Set "
					+ ((missing.credential() == ScimCredential.API_KEY) ? "grantex.api-key" : "grantex.scim.token");
		}
		else {
			error = failure.summary();
			hint = "Unexpected failure of the health check: see the application's log";
		}
		builder.withDetail("error", error).withDetail("hint", hint);
		if (logger.isWarnEnabled()) {
			logger.warn("Grantex SCIM health check failed: " + error + ". " + hint);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Grantex SCIM health check failure", failure);
		}
	}

	private static String hint(@Nullable ScimCredential credential, ScimApiException api) {
		if (api instanceof ScimAuthenticationException && credential == ScimCredential.SCIM_TOKEN) {
			return "SCIM token refused: set grantex.scim.token to a valid, unrevoked SCIM token";
		}
		if (api instanceof ScimAuthenticationException && credential == ScimCredential.API_KEY) {
			return "API key refused: set grantex.api-key to a valid developer API key";
		}
		Duration retryAfter = api.retryAfter();
		return switch (api.category()) {
			case RATE_LIMITED -> "Rate-limited by Grantex"
					+ ((retryAfter != null) ? ": retry after " + retryAfter.toSeconds() + "s" : "");
			case SERVER_ERROR -> "Grantex answered with a server error: it may be down or restarting";
			default -> (api instanceof ScimNotFoundException)
					? "No Grantex API there: check that grantex.base-url points at a Grantex server"
					: "Grantex refused the health check's request";
		};
	}

	private static String hint(ScimTransportException transport) {
		return switch (transport.kind()) {
			case CONNECT_REFUSED -> "Grantex is unreachable: check grantex.base-url and that the server is up";
			case CONNECT_TIMEOUT -> "No connection to Grantex within grantex.health.timeout: check grantex.base-url, "
					+ "the network and any proxy";
			case READ_TIMEOUT -> "Grantex did not answer within grantex.health.timeout";
			case CONNECTION_RESET -> "The connection to Grantex broke: check any proxy and the TLS settings";
		};
	}

	private static String shortened(String text) {
		return (text.length() <= MAX_CODE_LENGTH) ? text : text.substring(0, MAX_CODE_LENGTH) + "…";
	}

}
