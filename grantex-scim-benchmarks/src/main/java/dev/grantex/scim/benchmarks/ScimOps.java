package dev.grantex.scim.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmarked operations, done by one of the clients compared: the same requests on
 * the wire for each.
 */
interface ScimOps extends AutoCloseable {

	/** Users a page when streaming, as {@code streamUsers()} pages by default. */
	int STREAM_PAGE_SIZE = 100;

	/**
	 * {@code GET /scim/v2/Users/{id}}.
	 * @return the user
	 */
	Object getUser();

	/**
	 * {@code GET /scim/v2/Users?startIndex=1&count=200}.
	 * @return the page
	 */
	Object listUsers();

	/**
	 * {@code POST /scim/v2/Users} of a user with display name, external id and one work
	 * email.
	 * @param n makes the user name unique
	 * @return the user created
	 */
	Object createUser(int n);

	/**
	 * {@code PATCH /scim/v2/Users/{id}}: replace {@code active} with {@code false}.
	 * @return the user
	 */
	Object updateUser();

	/**
	 * Every user, page by page ({@value #STREAM_PAGE_SIZE} a page, as
	 * {@code streamUsers()} pages), each given to {@code sink}.
	 * @param sink takes each user
	 * @return how many users were read
	 */
	long streamUsers(Consumer<Object> sink);

	@Override
	void close();

	/**
	 * The benchmarked clients, by the name used in the benchmarks' {@code client}
	 * parameter.
	 * @param client the name
	 * @param target the server
	 * @return the client, ready
	 */
	static ScimOps create(String client, Target target) {
		return switch (client) {
			case "raw" -> new RawOps(target.baseUrl, target.scimToken, target.userId);
			case "restclient-apache" -> new RestClientApacheOps(target.baseUrl, target.scimToken, target.userId);
			case "apache" -> new ApacheOps(target.baseUrl, target.scimToken, target.userId);
			case "bean" -> GrantexOps.bean(target, Map.of());
			case "bean-jdk" -> GrantexOps.bean(target, Map.of("grantex.http.factory", "jdk"));
			case "builder" -> GrantexOps.builder(target);
			case "unboundid" -> new UnboundIdOps(target.baseUrl, target.scimToken, target.userId);
			default -> throw new IllegalArgumentException("Unknown client " + client);
		};
	}

	/**
	 * The user name of the {@code n}th user created.
	 * @param n the number
	 * @return the user name
	 */
	static String userName(int n) {
		return String.format(Locale.ROOT, "bench%09d@example.com", n);
	}

	/**
	 * Whether the client reads the conformant {@code emails} array only (UnboundID's
	 * typed reading fails on Grantex's string).
	 * @param client the name
	 * @return {@code true} for UnboundID
	 */
	static boolean needsEmailsAsArray(String client) {
		return client.equals("unboundid");
	}

}
