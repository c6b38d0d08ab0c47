package dev.grantex.scim.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;

import dev.grantex.scim.error.ScimApiException;
import dev.grantex.scim.error.ScimAuthenticationException;
import dev.grantex.scim.error.ScimConflictException;
import dev.grantex.scim.error.ScimNotFoundException;
import dev.grantex.scim.error.ScimRateLimitException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.error.ScimValidationException;
import dev.grantex.scim.internal.call.ScimOperation;
import dev.grantex.scim.internal.json.ScimJson;
import dev.grantex.scim.internal.json.ScimJsonReader;
import dev.grantex.scim.model.ScimCredential;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How error responses and I/O failures become exceptions, using bodies from the observed
 * transcript and the shapes a proxy in front of Grantex may produce.
 */
class ErrorMapperTests {

	private static final String API_KEY = "gx_test_secretkeyvalue0123456789";

	private static final String SCIM_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final ErrorMapper errors = new ErrorMapper(new ServerText(API_KEY, SCIM_TOKEN),
			URI.create("https://api.grantex.dev"), SettingNames.BUILDER);

	private final ScimJsonReader json = new ScimJsonReader(ScimJson.factory(1024 * 1024));

	@Test
	void scimShaped404BecomesNotFoundWithDetailAndScimType() {
		ScimApiException ex = fromResponse(ScimOperation.USERS_GET, 404,
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"User not found\",\"scimType\":\"noTarget\",\"status\":404}");

		assertThat(ex).isInstanceOf(ScimNotFoundException.class)
			.hasMessage("GET /scim/v2/Users/{id} found nothing (404 Not Found: User not found [scimType noTarget]).");
		assertThat(ex.statusCode()).isEqualTo(404);
		assertThat(ex.scimType()).isEqualTo("noTarget");
		assertThat(ex.serverMessage()).isEqualTo("User not found");
		assertThat(ex.response().request()).isEqualTo("GET /scim/v2/Users/{id}");
	}

	@Test
	void frameworkShaped404SaysTheRouteDoesNotExistAndPointsAtTheBaseUrl() {
		ScimApiException ex = fromResponse(ScimOperation.USERS_LIST, 404,
				"{\"message\":\"Route GET:/scim/v2/Users not found\",\"error\":\"Not Found\",\"statusCode\":404}");

		assertThat(ex).isInstanceOf(ScimNotFoundException.class);
		assertThat(ex.getMessage()).startsWith("Grantex has no route for GET /scim/v2/Users")
			.contains(
					"check that the base URL https://api.grantex.dev (ScimClient.Builder.baseUrl(...)) points at a Grantex server");
		assertThat(ex.errorCode()).isEqualTo("Not Found");
	}

	@Test
	void grantexShaped400BecomesValidationWithCodeAndRequestId() {
		ScimApiException ex = fromResponse(ScimOperation.TOKENS_CREATE, 400,
				"{\"message\":\"label is required\",\"code\":\"BAD_REQUEST\",\"requestId\":\"d35b1812-6aa8-440b-a5d2-5be037a22c74\"}");

		assertThat(ex).isInstanceOf(ScimValidationException.class)
			.hasMessage("Grantex refused POST /v1/scim/tokens as invalid (400 Bad Request: label is required "
					+ "[code BAD_REQUEST] [requestId d35b1812-6aa8-440b-a5d2-5be037a22c74]).");
		assertThat(ex.requestId()).isEqualTo("d35b1812-6aa8-440b-a5d2-5be037a22c74");
	}

	@Test
	void unsupportedMediaTypeAndTooLargeAreValidationErrorsWithAHint() {
		assertThat(fromResponse(ScimOperation.USERS_CREATE, 415,
				"{\"message\":\"Unsupported Media Type\",\"code\":\"BAD_REQUEST\",\"requestId\":\"r\"}"))
			.isInstanceOf(ScimValidationException.class)
			.hasMessageContaining("accepts only application/json");
		assertThat(fromResponse(ScimOperation.USERS_CREATE, 413,
				"{\"message\":\"Request body is too large\",\"code\":\"BAD_REQUEST\",\"requestId\":\"r\"}"))
			.isInstanceOf(ScimValidationException.class)
			.hasMessageContaining("at most 1 MiB");
	}

	@Test
	void duplicateUserName500AfterACreateSaysSo() {
		ScimApiException ex = this.errors.fromResponse(ScimOperation.USERS_CREATE, 500, jsonHeaders(), answer(
				"{\"message\":\"An unexpected error occurred\",\"code\":\"INTERNAL_ERROR\",\"requestId\":\"d947957a\"}"),
				ScimCredential.SCIM_TOKEN, null, null, true);

		assertThat(ex).isInstanceOfSatisfying(ScimServerException.class,
				(server) -> assertThat(server.likelyDuplicateUserName()).isTrue());
		assertThat(ex.getMessage()).contains("500, not 409, when the userName is already taken");
	}

	@Test
	void a500AfterARequestThatSetsNoUserNameIsAPlainServerError() {
		ScimApiException ex = fromResponse(ScimOperation.USERS_LIST, 500,
				"{\"message\":\"An unexpected error occurred\",\"code\":\"INTERNAL_ERROR\",\"requestId\":\"x\"}");

		assertThat(ex).isInstanceOfSatisfying(ScimServerException.class,
				(server) -> assertThat(server.likelyDuplicateUserName()).isFalse());
		assertThat(ex.getMessage()).doesNotContain("userName");
	}

	@Test
	void rateLimitCarriesRetryAfterFromTheHeader() {
		HttpHeaders headers = jsonHeaders();
		headers.set("retry-after", "34");
		ScimApiException ex = this.errors.fromResponse(ScimOperation.USERS_CREATE, 429, headers, answer(
				"{\"message\":\"Rate limit exceeded, retry in 34 seconds\",\"code\":\"BAD_REQUEST\",\"requestId\":\"r\"}"),
				ScimCredential.SCIM_TOKEN, null, Duration.ofSeconds(34), true);

		assertThat(ex).isInstanceOfSatisfying(ScimRateLimitException.class,
				(limited) -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(34)));
		assertThat(ex.getMessage()).endsWith("; retry after 34s.");
	}

	@Test
	void rateLimitWithoutTheHeaderTakesTheWaitFromTheMessage() {
		ScimApiException ex = fromResponse(ScimOperation.TOKENS_LIST, 429,
				"{\"message\":\"Plan rate limit exceeded, retry in 38 seconds\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"requestId\":\"r\"}");

		assertThat(ex).isInstanceOfSatisfying(ScimRateLimitException.class,
				(limited) -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(38)));
	}

	@Test
	void conflictFromAConformantServer() {
		assertThat(fromResponse(ScimOperation.USERS_CREATE, 409,
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"exists\",\"scimType\":\"uniqueness\",\"status\":\"409\"}"))
			.isInstanceOf(ScimConflictException.class);
	}

	@Test
	void apiKeyRefusedOnTheScimRoutesSaysASimTokenIsNeeded() {
		ScimApiException ex = this.errors.fromResponse(ScimOperation.USERS_LIST, 401, jsonHeaders(), answer(
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"Invalid SCIM token\",\"scimType\":\"unauthorized\",\"status\":401}"),
				ScimCredential.API_KEY, null, null, false);

		assertThat(ex).isInstanceOfSatisfying(ScimAuthenticationException.class,
				(auth) -> assertThat(auth.credential()).isEqualTo(ScimCredential.API_KEY));
		assertThat(ex.getMessage()).contains("refused the developer API key on GET /scim/v2/Users")
			.contains("accepts only a SCIM token")
			.contains("ScimClient.Builder.scimToken(...)")
			.contains("ScimClient.Builder.scimToken(...)");
	}

	@Test
	void aGrantexShaped401ToAScimRequestMeansTheBaseUrlIsWrong() {
		ScimApiException ex = fromResponse(ScimOperation.USERS_LIST, 401,
				"{\"message\":\"Invalid API key\",\"code\":\"UNAUTHORIZED\",\"requestId\":\"r\"}");

		assertThat(ex).isInstanceOf(ScimAuthenticationException.class);
		assertThat(ex.getMessage()).contains("did not reach the SCIM routes").contains("base URL");
	}

	@Test
	void nonJsonBodiesStillGiveAClearMessage() {
		HttpHeaders html = new HttpHeaders();
		html.setContentType(MediaType.TEXT_HTML);
		ScimApiException ex = this.errors.fromResponse(ScimOperation.USERS_GET, 502, html,
				answer("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>"),
				ScimCredential.SCIM_TOKEN, null, null, false);

		assertThat(ex).isInstanceOf(ScimServerException.class)
			.hasMessage("Grantex failed on GET /scim/v2/Users/{id} (502 Bad Gateway, a body that is not a JSON error "
					+ "(text/html): \"<html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>\").");
		assertThat(ex.serverMessage()).isNull();
		assertThat(ex.response().body()).contains("nginx");
	}

	@Test
	void emptyAndTruncatedBodiesStillGiveAClearMessage() {
		assertThat(fromResponse(ScimOperation.USERS_GET, 503, ""))
			.hasMessageContaining("503 Service Unavailable, empty body");
		assertThat(fromResponse(ScimOperation.USERS_GET, 500, "{\"message\":\"An unexpec"))
			.hasMessageContaining("a body that is not a JSON error");
	}

	@Test
	void credentialsEchoedByAServerNeverReachTheMessage() {
		ScimApiException ex = fromResponse(ScimOperation.USERS_GET, 400,
				"{\"message\":\"bad header Bearer " + SCIM_TOKEN + " and " + API_KEY + "\",\"code\":\"BAD_REQUEST\"}");

		assertThat(ex.getMessage()).doesNotContain(SCIM_TOKEN).doesNotContain(API_KEY).contains("(redacted)");
		assertThat(ex.response().body()).doesNotContain(SCIM_TOKEN).doesNotContain(API_KEY);
		assertThat(ex.serverMessage()).doesNotContain(SCIM_TOKEN);
	}

	@Test
	void transportFailuresAreClassifiedByWhetherTheRequestCanHaveBeenProcessed() {
		assertThat(kindOf(new ConnectException())).isEqualTo(ScimTransportException.Kind.CONNECT_REFUSED);
		assertThat(kindOf(new HttpConnectTimeoutException("HTTP connect timed out")))
			.isEqualTo(ScimTransportException.Kind.CONNECT_TIMEOUT);
		assertThat(kindOf(new HttpTimeoutException("request timed out")))
			.isEqualTo(ScimTransportException.Kind.READ_TIMEOUT);
		assertThat(kindOf(new IOException("Connection reset"))).isEqualTo(ScimTransportException.Kind.CONNECTION_RESET);
	}

	@Test
	void aTransportExceptionWrapsItsCauseAndNamesTheRequest() {
		ResourceAccessException failure = new ResourceAccessException("I/O error", new ConnectException("refused"));
		ScimTransportException ex = this.errors.transport(ScimOperation.USERS_CREATE, failure);

		assertThat(ex.getCause()).isSameAs(failure);
		assertThat(ex.requestMayHaveBeenProcessed()).isFalse();
		assertThat(ex).hasMessage("POST /scim/v2/Users to https://api.grantex.dev failed, could not connect: "
				+ "ConnectException: refused");
	}

	private ScimTransportException.Kind kindOf(IOException cause) {
		return this.errors.transport(ScimOperation.USERS_GET, new ResourceAccessException("I/O error", cause)).kind();
	}

	private ScimApiException fromResponse(ScimOperation operation, int status, String body) {
		return this.errors.fromResponse(operation, status, jsonHeaders(), answer(body), operation.credential(), null,
				null, false);
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private ErrorAnswer answer(@Nullable String text) {
		return ErrorAnswer.read(bytes(text), this.json);
	}

	private static byte[] bytes(@Nullable String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
