package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.grantex.scim.test.FakeGrantexServer;

/**
 * Response bodies exactly as Grantex sends them, taken once from
 * {@link FakeGrantexServer} (which reproduces the real server's bytes): a user, and pages
 * of 100 and 200 users, each with {@code emails} as the real server's string holding JSON
 * and as the conformant array.
 *
 * @param user one user ({@code GET /scim/v2/Users/{id}})
 * @param page100 a page of 100 users, first page of 200
 * @param page200 a page of 200 users, first page of 200
 * @param userId the id in {@link #user()}
 */
record WireFixtures(byte[] user, byte[] page100, byte[] page200, String userId) {

	static final int USERS = 200;

	/**
	 * Reads the fixtures from a fake server, with {@code emails} as a string or, if
	 * asked, as an array.
	 */
	static WireFixtures capture(boolean emailsAsArray) {
		try (FakeGrantexServer server = FakeGrantexServer.start()) {
			server.ipRateLimit(Integer.MAX_VALUE, java.time.Duration.ofMinutes(1));
			String apiKey = server.createDeveloper();
			String token = server.createScimToken(apiKey, "benchmarks");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String firstId = seed(server, token);
			server.emailsAsArray(emailsAsArray);
			String user = send(http, get(server.baseUrl(), "/scim/v2/Users/" + firstId, token), 200);
			String page100 = send(http, get(server.baseUrl(), "/scim/v2/Users?startIndex=1&count=100", token), 200);
			String page200 = send(http, get(server.baseUrl(), "/scim/v2/Users?startIndex=1&count=200", token), 200);
			return new WireFixtures(bytes(user), bytes(page100), bytes(page200), firstId);
		}
	}

	/**
	 * Creates {@value #USERS} users as a provisioning job would, over HTTP.
	 * @return the id of the first
	 */
	static String seed(FakeGrantexServer server, String token) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String firstId = null;
		for (int i = 1; i <= USERS; i++) {
			String created = send(http,
					HttpRequest.newBuilder(server.baseUrl().resolve("/scim/v2/Users"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(createBody(i))),
					201);
			if (firstId == null) {
				firstId = created.substring(created.indexOf("\"id\":\"") + 6);
				firstId = firstId.substring(0, firstId.indexOf('"'));
			}
		}
		if (firstId == null) {
			throw new IllegalStateException("No user created");
		}
		return firstId;
	}

	/**
	 * A user as a provisioning job would create it: user name, display name, external id
	 * and one work email.
	 */
	static String createBody(int i) {
		return String.format(Locale.ROOT, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
				+ "\"userName\":\"user%06d@example.com\",\"displayName\":\"User %06d Example\","
				+ "\"externalId\":\"okta-00u%06d\",\"active\":true,\"emails\":[{\"value\":\"user%06d@example.com\","
				+ "\"primary\":true,\"type\":\"work\"}]}", i, i, i, i);
	}

	private static HttpRequest.Builder get(URI base, String path, String token) {
		return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET();
	}

	private static String send(HttpClient http, HttpRequest.Builder request, int expected) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						"The fake server answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A page with {@code totalResults} set to {@code total}, for paging over many users
	 * with one prepared page.
	 */
	static byte[] withTotal(byte[] page, int total) {
		String text = new String(page, StandardCharsets.UTF_8);
		String replaced = text.replaceFirst("\"totalResults\":\\d+", "\"totalResults\":" + total);
		if (replaced.equals(text) && !text.contains("\"totalResults\":" + total)) {
			throw new IllegalStateException("No totalResults in the page");
		}
		return bytes(replaced);
	}

}
