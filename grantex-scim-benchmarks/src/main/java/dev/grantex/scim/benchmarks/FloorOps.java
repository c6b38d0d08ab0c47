package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: the least work a correct client can do. The JDK {@link HttpClient} speaking
 * HTTP/1.1 (as Grantex needs over {@code http://}), the same headers and timeouts as the
 * client, a status check, and Jackson 3 data binding straight from the response stream
 * into records, {@code emails} decoded from the string that holds it. No retry, no error
 * mapping, no rate-limit headers, no observation, no URI template expansion or encoding.
 */
final class FloorOps implements ScimOps {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final ObjectReader USER = MAPPER.readerFor(User.class);

	private static final ObjectReader PAGE = MAPPER.readerFor(Page.class);

	private static final ObjectWriter WRITER = MAPPER.writer();

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final List<String> USER_SCHEMAS = List.of("urn:ietf:params:scim:schemas:core:2.0:User");

	private static final byte[] DEACTIVATE = WRITER
		.writeValueAsBytes(new Patch(List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
				List.of(new Operation("replace", "active", false))));

	private final HttpClient http;

	private final String authorization;

	private final URI users;

	private final String userId;

	private final String base;

	FloorOps(URI baseUrl, String scimToken, String userId) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.authorization = "Bearer " + scimToken;
		this.base = baseUrl.toString();
		this.users = URI.create(this.base + "/scim/v2/Users");
		this.userId = userId;
	}

	@Override
	public Object getUser() {
		return send(request(user(this.userId)).GET(), 200, USER);
	}

	@Override
	public Object listUsers() {
		return page(1, 200);
	}

	private Page page(int startIndex, int count) {
		URI uri = URI.create(this.base + "/scim/v2/Users?startIndex=" + startIndex + "&count=" + count);
		return send(request(uri).GET(), 200, PAGE);
	}

	@Override
	public Object createUser(int n) {
		String userName = ScimOps.userName(n);
		byte[] body = WRITER.writeValueAsBytes(new NewUser(USER_SCHEMAS, userName, "Bench User", "ext-" + n, true,
				List.of(new Email(userName, true, "work", null))));
		return send(request(this.users).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), 201, USER);
	}

	@Override
	public Object updateUser() {
		return send(request(user(this.userId)).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(DEACTIVATE)), 200, USER);
	}

	/**
	 * The hand-written pager: pages of 100 until the users seen reach totalResults or a
	 * page is empty.
	 */
	@Override
	public long streamUsers(Consumer<Object> sink) {
		long seen = 0;
		int startIndex = 1;
		while (true) {
			Page page = page(startIndex, STREAM_PAGE_SIZE);
			List<User> resources = page.resources();
			if (resources == null || resources.isEmpty()) {
				return seen;
			}
			for (User each : resources) {
				sink.accept(each);
			}
			seen += resources.size();
			startIndex += resources.size();
			if (startIndex > page.totalResults()) {
				return seen;
			}
		}
	}

	/** The user's URI, the id encoded as one path segment, as a correct client must. */
	private URI user(String id) {
		return URI
			.create(this.base + "/scim/v2/Users/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(READ_TIMEOUT)
			.header("Accept", "application/json")
			.header("Authorization", this.authorization);
	}

	private <T> T send(HttpRequest.Builder request, int expected, ObjectReader reader) {
		try {
			HttpResponse<InputStream> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != expected) {
					throw new IllegalStateException("Unexpected status " + response.statusCode());
				}
				return reader.readValue(body);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
	}

	record User(String id, String userName, boolean active,
			@JsonDeserialize(using = EmailsDeserializer.class) List<Email> emails, Meta meta,
			@Nullable String externalId, @Nullable String displayName) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Email(String value, boolean primary, @Nullable String type, @Nullable String display) {
	}

	record Meta(String resourceType, Instant created, Instant lastModified) {
	}

	record Page(int totalResults, int startIndex, int itemsPerPage, @JsonProperty("Resources") List<User> resources) {
	}

	record NewUser(List<String> schemas, String userName, String displayName, String externalId, boolean active,
			List<Email> emails) {
	}

	record Patch(List<String> schemas, @JsonProperty("Operations") List<Operation> operations) {
	}

	record Operation(String op, String path, Object value) {
	}

	/**
	 * {@code emails} as Grantex sends it, a string holding the JSON array, or as the
	 * array itself.
	 */
	static final class EmailsDeserializer extends ValueDeserializer<List<Email>> {

		private static final JavaType EMAILS = MAPPER.getTypeFactory().constructCollectionType(List.class, Email.class);

		private static final ObjectReader READER = MAPPER.readerFor(EMAILS);

		@Override
		public List<Email> deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				return READER.readValue(parser.getString());
			}
			return context.readValue(parser, EMAILS);
		}

	}

}
