package dev.grantex.scim.internal.call;

import org.jspecify.annotations.Nullable;

/**
 * One request to make: the operation, the id it names, the page it asks for, and its
 * body. The URI is the operation's template with these filled in.
 *
 * @param operation the operation
 * @param id the user or token id in the URI, or {@code null}
 * @param page the page of a list, or {@code null} for the server's default
 * @param body the JSON body, or {@code null} for none
 * @param setsUserName whether the request gives a user a {@code userName}, which tells a
 * duplicate {@code userName} from another 500
 */
public record ScimCall(ScimOperation operation, @Nullable String id, @Nullable Page page, byte @Nullable [] body,
		boolean setsUserName) {

	private static final String PAGE_QUERY = "?startIndex={startIndex}&count={count}";

	private static final Object[] NO_VARIABLES = {};

	/**
	 * A call without id, page or body.
	 * @param operation the operation
	 * @return the call
	 */
	public static ScimCall of(ScimOperation operation) {
		return new ScimCall(operation, null, null, null, false);
	}

	/**
	 * A call naming one user or token.
	 * @param operation the operation
	 * @param id the id
	 * @return the call
	 */
	public static ScimCall of(ScimOperation operation, String id) {
		return new ScimCall(operation, id, null, null, false);
	}

	/**
	 * This call with a page.
	 * @param startIndex the 1-based index of the first item
	 * @param count the page size
	 * @return the call
	 */
	public ScimCall page(int startIndex, int count) {
		return new ScimCall(this.operation, this.id, new Page(startIndex, count), this.body, this.setsUserName);
	}

	/**
	 * This call with a body.
	 * @param body the JSON body
	 * @param setsUserName whether it gives a user a {@code userName}
	 * @return the call
	 */
	public ScimCall body(byte[] body, boolean setsUserName) {
		return new ScimCall(this.operation, this.id, this.page, body, setsUserName);
	}

	/**
	 * The URI template, relative to the base URL.
	 * @return e.g. {@code /scim/v2/Users/{id}}
	 */
	public String uriTemplate() {
		return (this.page != null) ? this.operation.uriTemplate() + PAGE_QUERY : this.operation.uriTemplate();
	}

	/**
	 * The values of the template's variables, in order.
	 * @return the values
	 */
	public Object[] uriVariables() {
		if (this.id != null) {
			return new Object[] { this.id };
		}
		if (this.page != null) {
			return new Object[] { this.page.startIndex(), this.page.count() };
		}
		return NO_VARIABLES;
	}

	/**
	 * A page of a list.
	 *
	 * @param startIndex the 1-based index of the first item
	 * @param count the page size
	 */
	public record Page(int startIndex, int count) {
	}

}
