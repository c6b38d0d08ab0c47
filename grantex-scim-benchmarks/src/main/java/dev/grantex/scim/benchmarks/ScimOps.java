package dev.grantex.scim.benchmarks;

import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The benchmarked operations, done by one of the clients compared: the same requests on
 * the wire for each.
 */
interface ScimOps extends AutoCloseable {

	/** {@code GET /scim/v2/Users/{id}}. */
	Object getUser();

	/** {@code GET /scim/v2/Users?startIndex=1&count=200}. */
	Object listUsers();

	/**
	 * {@code POST /scim/v2/Users} of a user with display name, external id and one work
	 * email.
	 */
	Object createUser(int n);

	/** {@code PATCH /scim/v2/Users/{id}}: replace {@code active} with {@code false}. */
	Object updateUser();

	/**
	 * Every user, page by page ({@value #STREAM_PAGE_SIZE} a page, as
	 * {@code streamUsers()} pages), each given to {@code sink}.
	 * @return how many users were read
	 */
	long streamUsers(Consumer<Object> sink);

	@Override
	void close();

	int STREAM_PAGE_SIZE = 100;

	/**
	 * The benchmarked clients, by the name used in the benchmarks' {@code client}
	 * parameter.
	 */
	static ScimOps create(String client, URI baseUrl, String scimToken, String userId) {
		return switch (client) {
			case "floor" -> new FloorOps(baseUrl, scimToken, userId);
			case "grantex" -> GrantexOps.plain(baseUrl, scimToken, userId);
			case "grantex-observed" -> GrantexOps.observed(baseUrl, scimToken, userId);
			case "grantex-apache" ->
				GrantexOps.over(new HttpComponentsClientHttpRequestFactory(), baseUrl, scimToken, userId);
			case "grantex-urlconnection" ->
				GrantexOps.over(new SimpleClientHttpRequestFactory(), baseUrl, scimToken, userId);
			case "unboundid" -> new UnboundIdOps(baseUrl, scimToken, userId);
			default -> throw new IllegalArgumentException("Unknown client " + client);
		};
	}

	static String userName(int n) {
		return String.format(Locale.ROOT, "bench%09d@example.com", n);
	}

}
