package dev.grantex.scim.benchmarks;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grantex's user and list bodies as records, for the {@code restclient-apache} floor's
 * Jackson data binding: unknown members ignored, {@code emails} read from the string
 * Grantex sends (JSON text inside a JSON string) or from the conformant array.
 */
final class JsonRecords {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final List<String> USER_SCHEMAS = List.of("urn:ietf:params:scim:schemas:core:2.0:User");

	static final Patch DEACTIVATE = new Patch(List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
			List.of(new Operation("replace", "active", false)));

	private JsonRecords() {
	}

	/**
	 * The body of {@code createUser(n)}: user name, display name, external id and one
	 * work email, as every client in the benchmarks sends it.
	 */
	static NewUser newUser(int n) {
		String userName = ScimOps.userName(n);
		return new NewUser(USER_SCHEMAS, userName, "Bench User", "ext-" + n, true,
				List.of(new Email(userName, true, "work", null)));
	}

	/**
	 * A user.
	 *
	 * @param id the id
	 * @param userName the user name
	 * @param active whether active
	 * @param emails the emails
	 * @param meta the metadata
	 * @param externalId the external id
	 * @param displayName the display name
	 */
	record User(String id, String userName, boolean active,
			@JsonDeserialize(using = EmailsDeserializer.class) List<Email> emails, Meta meta,
			@Nullable String externalId, @Nullable String displayName) {
	}

	/**
	 * An email.
	 *
	 * @param value the address
	 * @param primary whether primary
	 * @param type the type
	 * @param display the display text
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Email(String value, boolean primary, @Nullable String type, @Nullable String display) {
	}

	/**
	 * A user's metadata.
	 *
	 * @param resourceType always {@code User}
	 * @param created when created
	 * @param lastModified when last changed
	 */
	record Meta(String resourceType, Instant created, Instant lastModified) {
	}

	/**
	 * A page of users.
	 *
	 * @param totalResults how many users there are
	 * @param startIndex the index of the first on the page
	 * @param itemsPerPage the count asked for
	 * @param resources the users
	 */
	record Page(int totalResults, int startIndex, int itemsPerPage,
			@JsonProperty("Resources") @Nullable List<User> resources) {
	}

	/**
	 * The body of a creation.
	 *
	 * @param schemas the SCIM schema
	 * @param userName the user name
	 * @param displayName the display name
	 * @param externalId the external id
	 * @param active whether active
	 * @param emails the emails
	 */
	record NewUser(List<String> schemas, String userName, String displayName, String externalId, boolean active,
			List<Email> emails) {
	}

	/**
	 * The body of a PATCH.
	 *
	 * @param schemas the SCIM message schema
	 * @param operations the operations
	 */
	record Patch(List<String> schemas, @JsonProperty("Operations") List<Operation> operations) {
	}

	/**
	 * One PATCH operation.
	 *
	 * @param op the operation
	 * @param path the attribute
	 * @param value the value
	 */
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
