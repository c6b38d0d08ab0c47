package dev.grantex.scim.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one client operation knows: the operation, the request's method
 * and URI template, the id of the user or token it concerns, and, when it ends, the final
 * HTTP status and how many retries it took. The failure, if any, is the context's
 * {@linkplain #getError() error}.
 */
public final class ScimClientObservationContext extends Observation.Context {

	private final String operation;

	private final String method;

	private final String uriTemplate;

	private final @Nullable String resourceId;

	private final String clientName;

	private int status = -1;

	private int retries;

	/**
	 * Creates the context of one operation.
	 * @param operation the operation's stable name, e.g. {@code users.get}
	 * @param method the HTTP method
	 * @param uriTemplate the URI template, e.g. {@code /scim/v2/Users/{id}}
	 * @param resourceId the user or token id the operation concerns, or {@code null}
	 */
	public ScimClientObservationContext(String operation, String method, String uriTemplate,
			@Nullable String resourceId) {
		this(operation, method, uriTemplate, resourceId, DEFAULT_CLIENT_NAME);
	}

	/**
	 * Creates the context of one operation of a named client.
	 * @param operation the operation's stable name, e.g. {@code users.get}
	 * @param method the HTTP method
	 * @param uriTemplate the URI template, e.g. {@code /scim/v2/Users/{id}}
	 * @param resourceId the user or token id the operation concerns, or {@code null}
	 * @param clientName the client's name, low-cardinality, e.g. {@code grantex}
	 */
	public ScimClientObservationContext(String operation, String method, String uriTemplate,
			@Nullable String resourceId, String clientName) {
		this.operation = operation;
		this.method = method;
		this.uriTemplate = uriTemplate;
		this.resourceId = resourceId;
		this.clientName = clientName;
	}

	/**
	 * The name of a client that does not set one.
	 */
	public static final String DEFAULT_CLIENT_NAME = "grantex";

	/**
	 * The operation's stable name: {@code tokens.create}, {@code users.get}, and so on.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The name of the client, set by whoever built it, to tell several clients apart;
	 * never a tenant id unless chosen so.
	 * @return the client name
	 */
	public String getClientName() {
		return this.clientName;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The URI template, never with an id filled in.
	 * @return the template
	 */
	public String getUriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * The id of the user or token the operation concerns: high cardinality, for traces
	 * only.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getResourceId() {
		return this.resourceId;
	}

	/**
	 * The status of the last response received.
	 * @return the status, or -1 when no response was received
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Records the status of a response.
	 * @param status the status
	 */
	public void setStatus(int status) {
		this.status = status;
	}

	/**
	 * How many times the operation was retried.
	 * @return the number of retries
	 */
	public int getRetries() {
		return this.retries;
	}

	/**
	 * Records a retry.
	 */
	public void retried() {
		this.retries++;
	}

}
