package dev.grantex.scim.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;

/**
 * The peer: the UnboundID SCIM 2 SDK client ({@link ScimService}) on Jersey, told to send
 * and accept {@code application/json} (Grantex answers 415 to
 * {@code application/scim+json}), reading typed {@link UserResource}s. Jersey's default
 * connector ({@code HttpURLConnection}) serves every operation but PATCH, which it cannot
 * send; PATCH goes through Jersey's Apache HttpClient 5 connector. Its typed reading
 * fails on the real server's {@code emails} string, so it is served the conformant array
 * form.
 */
final class UnboundIdOps implements ScimOps {

	private static final String JSON = MediaType.APPLICATION_JSON;

	private final Client defaultClient;

	private final Client apacheClient;

	private final ScimService scim;

	private final ScimService patchScim;

	private final String userId;

	UnboundIdOps(URI baseUrl, String scimToken, String userId) {
		ClientRequestFilter bearer = (request) -> request.getHeaders()
			.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + scimToken);
		this.defaultClient = ClientBuilder.newClient().register(bearer);
		this.apacheClient = ClientBuilder
			.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
			.register(bearer);
		String root = baseUrl + "/scim/v2";
		this.scim = new ScimService(this.defaultClient.target(root));
		this.patchScim = new ScimService(this.apacheClient.target(root));
		this.userId = userId;
	}

	@Override
	public Object getUser() {
		try {
			return this.scim.retrieveRequest("Users", this.userId).accept(JSON).invoke(UserResource.class);
		}
		catch (ScimException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Object listUsers() {
		return page(1, 200);
	}

	private ListResponse<UserResource> page(int startIndex, int count) {
		try {
			return this.scim.searchRequest("Users").page(startIndex, count).accept(JSON).invoke(UserResource.class);
		}
		catch (ScimException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Object createUser(int n) {
		String userName = ScimOps.userName(n);
		UserResource user = new UserResource().setUserName(userName)
			.setDisplayName("Bench User")
			.setActive(true)
			.setEmails(new Email().setValue(userName).setPrimary(true).setType("work"));
		user.setExternalId("ext-" + n);
		try {
			return this.scim.createRequest("Users", user).contentType(JSON).accept(JSON).invoke();
		}
		catch (ScimException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Object updateUser() {
		try {
			return this.patchScim.modifyRequest("Users", this.userId)
				.replaceValue("active", false)
				.contentType(JSON)
				.accept(JSON)
				.invoke(UserResource.class);
		}
		catch (ScimException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A pager as a user of this SDK writes it: pages of 100 until the users seen reach
	 * totalResults.
	 */
	@Override
	public long streamUsers(Consumer<Object> sink) {
		long seen = 0;
		int startIndex = 1;
		while (true) {
			ListResponse<UserResource> page = page(startIndex, STREAM_PAGE_SIZE);
			List<UserResource> resources = page.getResources();
			if (resources == null || resources.isEmpty()) {
				return seen;
			}
			for (UserResource each : resources) {
				sink.accept(each);
			}
			seen += resources.size();
			startIndex += resources.size();
			if (startIndex > page.getTotalResults()) {
				return seen;
			}
		}
	}

	@Override
	public void close() {
		this.defaultClient.close();
		this.apacheClient.close();
	}

}
