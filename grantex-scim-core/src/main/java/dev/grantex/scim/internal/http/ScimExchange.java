package dev.grantex.scim.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.error.ScimException;
import dev.grantex.scim.internal.call.ScimCall;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.internal.json.MalformedBodyException;
import dev.grantex.scim.internal.json.ScimJsonReader;
import dev.grantex.scim.model.RateLimit;
import dev.grantex.scim.model.ScimCredential;
import dev.grantex.scim.observation.ScimClientObservationContext;

/**
 * Sends one request and turns its answer into a result or an exception: the credential
 * the route needs, the URI, the headers Grantex accepts, the exchange on Spring's
 * {@link RestClient}, the rate-limit headers, and the bounds on the answer.
 */
public final class ScimExchange {

	/** How much of an error body is read: Grantex's are a few hundred bytes. */
	private static final int MAX_ERROR_BODY_BYTES = 16 * 1024;

	private final RestClient restClient;

	private final @Nullable String apiKeyHeader;

	private final @Nullable String scimTokenHeader;

	private final ErrorMapper errors;

	private final ScimJsonReader json;

	private final Clock clock;

	private final LongSupplier nanoTime;

	private final long maxResponseBytes;

	private final RateLimitListener rateLimitListener;

	/**
	 * Creates the exchange of one client.
	 * @param restClient the client to send with
	 * @param apiKey the developer API key, or {@code null}
	 * @param scimToken the SCIM token, or {@code null}
	 * @param errors how failures become exceptions
	 * @param json the reader of error bodies
	 * @param clock the clock, for rate-limit times
	 * @param nanoTime the clock of deadlines
	 * @param maxResponseBytes the largest answer to read
	 * @param rateLimitListener told of every rate limit an answer reports
	 */
	public ScimExchange(RestClient restClient, @Nullable String apiKey, @Nullable String scimToken, ErrorMapper errors,
			ScimJsonReader json, Clock clock, LongSupplier nanoTime, long maxResponseBytes,
			RateLimitListener rateLimitListener) {
		this.restClient = restClient;
		this.apiKeyHeader = (apiKey != null) ? "Bearer " + apiKey : null;
		this.scimTokenHeader = (scimToken != null) ? "Bearer " + scimToken : null;
		this.errors = errors;
		this.json = json;
		this.clock = clock;
		this.nanoTime = nanoTime;
		this.maxResponseBytes = maxResponseBytes;
		this.rateLimitListener = rateLimitListener;
	}

	/**
	 * Sends the request once.
	 * @param <T> what the answer is read as
	 * @param call the request
	 * @param reader how to read a success body
	 * @param deadlineNanos when the whole answer must have arrived, on the
	 * {@link System#nanoTime()} scale
	 * @param context the operation's observation context, told the status, or
	 * {@code null}
	 * @return what the body holds
	 * @throws ScimException if it fails, with every detail the caller needs to decide
	 * what to do next
	 */
	public <T extends @Nullable Object> T send(ScimCall call, BodyReader<T> reader, long deadlineNanos,
			@Nullable ScimClientObservationContext context) {
		ScimOperation operation = call.operation();
		ScimCredential sent = credentialFor(operation);
		String authorization = (sent == ScimCredential.API_KEY) ? this.apiKeyHeader
				: (sent == ScimCredential.SCIM_TOKEN) ? this.scimTokenHeader : null;
		byte[] body = call.body();
		try {
			RestClient.RequestBodySpec request = this.restClient.method(operation.method())
				.uri(call.uriTemplate(), call.uriVariables())
				.headers((headers) -> {
					headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
					if (authorization != null) {
						headers.set(HttpHeaders.AUTHORIZATION, authorization);
					}
					if (body != null) {
						// Grantex refuses application/scim+json, and a content type
						// without a body
						headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
						headers.setContentLength(body.length);
					}
				});
			if (body != null) {
				request.body((out) -> out.write(body));
			}
			return request.exchange((req, response) -> answer(call, response, reader, sent, deadlineNanos, context),
					false);
		}
		catch (ResourceAccessException ex) {
			throw this.errors.transport(operation, ex);
		}
	}

	private <T extends @Nullable Object> T answer(ScimCall call, ClientHttpResponse response, BodyReader<T> reader,
			@Nullable ScimCredential sent, long deadlineNanos, @Nullable ScimClientObservationContext context)
			throws IOException {
		ScimOperation operation = call.operation();
		int status = response.getStatusCode().value();
		if (context != null) {
			context.setStatus(status);
		}
		HttpHeaders headers = response.getHeaders();
		Instant receivedAt = this.clock.instant();
		RateLimit rateLimit = RateLimitHeaders.from(headers, receivedAt);
		if (rateLimit != null) {
			this.rateLimitListener.onRateLimit(call, rateLimit);
		}
		ResponseBody body = new ResponseBody(response, this.maxResponseBytes, deadlineNanos, this.nanoTime);
		try {
			if (status >= 200 && status < 300) {
				return read(operation, status, body, reader);
			}
			if (status >= 300 && status < 400) {
				throw this.errors.redirect(operation, status, headers.getFirst(HttpHeaders.LOCATION));
			}
			ErrorAnswer error = ErrorAnswer.read(readError(operation, status, body), this.json);
			Duration retryAfter = RateLimitHeaders.retryAfter(headers, receivedAt);
			throw this.errors.fromResponse(operation, status, headers, error, sent, rateLimit, retryAfter,
					call.setsUserName());
		}
		finally {
			body.finish();
		}
	}

	private <T extends @Nullable Object> T read(ScimOperation operation, int status, ResponseBody body,
			BodyReader<T> reader) {
		try {
			return reader.read(body);
		}
		catch (JacksonIOException ex) {
			throw bodyFailure(operation, status, ex.getCause());
		}
		catch (StreamConstraintsException ex) {
			// a string, name, number or nesting beyond anything Grantex sends
			throw this.errors.unreadable(operation, status, String.valueOf(ex.getOriginalMessage()), ex, false);
		}
		catch (JacksonException ex) {
			throw this.errors.unreadable(operation, status, "not the JSON expected (" + describe(ex) + ")", ex, true);
		}
		catch (MalformedBodyException ex) {
			throw this.errors.unreadable(operation, status, String.valueOf(ex.getMessage()), ex, ex.isTransient());
		}
	}

	private byte[] readError(ScimOperation operation, int status, ResponseBody body) {
		try {
			return body.readUpTo(MAX_ERROR_BODY_BYTES);
		}
		catch (IOException ex) {
			throw bodyFailure(operation, status, ex);
		}
	}

	private ScimException bodyFailure(ScimOperation operation, int status, @Nullable Throwable cause) {
		if (cause instanceof ResponseBody.ResponseTooLargeException tooLarge) {
			return this.errors.tooLarge(operation, status, tooLarge.maxBytes());
		}
		return this.errors.transport(operation, (cause != null) ? cause : new IOException("the body broke off"));
	}

	/* Where the parser stopped, without what it read there. */
	private static String describe(JacksonException ex) {
		return (ex.getLocation() != null)
				? "at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr()
				: "at an unknown place";
	}

	/*
	 * The credential to send: the one the route needs, else, on /scim/v2, the API key.
	 */
	private @Nullable ScimCredential credentialFor(ScimOperation operation) {
		ScimCredential needed = operation.credential();
		if (needed == null) {
			return null;
		}
		if (needed == ScimCredential.API_KEY) {
			if (this.apiKeyHeader == null) {
				throw this.errors.missing(operation, ScimCredential.API_KEY);
			}
			return ScimCredential.API_KEY;
		}
		if (this.scimTokenHeader != null) {
			return ScimCredential.SCIM_TOKEN;
		}
		if (this.apiKeyHeader != null) {
			return ScimCredential.API_KEY;
		}
		throw this.errors.missing(operation, ScimCredential.SCIM_TOKEN);
	}

	/**
	 * Reads a success body.
	 *
	 * @param <T> what it is read as
	 */
	@FunctionalInterface
	public interface BodyReader<T extends @Nullable Object> {

		/**
		 * Reads the body; Jackson reports a failure of the stream as a
		 * {@link JacksonIOException}.
		 * @param body the body
		 * @return what it holds
		 */
		T read(InputStream body);

	}

	/**
	 * Told of the rate limit each answer reports.
	 */
	@FunctionalInterface
	public interface RateLimitListener {

		/**
		 * An answer reported a rate limit.
		 * @param call the request answered
		 * @param rateLimit what it reported
		 */
		void onRateLimit(ScimCall call, RateLimit rateLimit);

	}

}
