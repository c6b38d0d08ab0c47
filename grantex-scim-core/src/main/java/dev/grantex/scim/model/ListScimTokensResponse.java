package dev.grantex.scim.model;

import java.util.List;

/**
 * The developer's SCIM tokens, newest first, without their secrets.
 *
 * @param tokens the tokens; never {@code null}
 */
public record ListScimTokensResponse(List<ScimToken> tokens) {

	/**
	 * Creates the response with an unmodifiable copy of the tokens.
	 * @param tokens the tokens
	 */
	public ListScimTokensResponse {
		tokens = List.copyOf(tokens);
	}

}
