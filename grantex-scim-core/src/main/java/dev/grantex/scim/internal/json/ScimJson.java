package dev.grantex.scim.internal.json;

import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The one JSON factory of a client: Jackson's streaming parser and generator, bounded for
 * answers from a server that may be hostile, and quoting no source text in its errors.
 */
public final class ScimJson {

	/**
	 * The longest string an answer may hold: Grantex refuses request bodies over 1 MiB,
	 * so nothing it stores can be longer.
	 */
	static final int MAX_STRING_LENGTH = 1024 * 1024;

	private static final int MAX_NESTING_DEPTH = 32;

	private ScimJson() {
	}

	/**
	 * A factory for a client.
	 * @param maxDocumentBytes the largest answer to read
	 * @return the factory
	 */
	public static JsonFactory factory(long maxDocumentBytes) {
		return JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxDocumentLength(maxDocumentBytes)
				.maxStringLength(MAX_STRING_LENGTH)
				.maxNameLength(1024)
				.maxNumberLength(32)
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.build())
			// a parse error must not quote what the server sent: it could be anything
			.errorReportConfiguration(
					ErrorReportConfiguration.builder().maxErrorTokenLength(0).maxRawContentLength(0).build())
			.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			// the caller decides whether the connection is reused, so it closes the
			// stream
			.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
			.build();
	}

}
