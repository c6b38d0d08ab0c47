package dev.grantex.scim.error;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Grantex's answer could not be taken as Grantex's: a success status whose body could not
 * be read as what the operation returns (empty, cut short, not JSON, or missing a
 * required member such as {@code id}), an answer larger than the client accepts, or a
 * redirect ({@link ScimRedirectException}).
 */
public class ScimProtocolException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The HTTP status of the answer. */
	private final int statusCode;

	/** Whether reading the same answer again could succeed. */
	private final boolean transientFailure;

	/**
	 * Creates the exception for a body that could not be read, which reading again may
	 * cure (it may have been cut short).
	 * @param message the message
	 * @param statusCode the HTTP status of the unreadable answer
	 * @param cause the parse failure, or {@code null}
	 */
	public ScimProtocolException(String message, int statusCode, @Nullable Throwable cause) {
		this(message, statusCode, cause, true);
	}

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param statusCode the HTTP status of the answer
	 * @param cause the underlying failure, or {@code null}
	 * @param transientFailure whether sending the request again could get a readable
	 * answer; {@code false} for an answer refused for what it is, such as one over the
	 * size limit
	 */
	public ScimProtocolException(String message, int statusCode, @Nullable Throwable cause, boolean transientFailure) {
		super(message, cause);
		this.statusCode = statusCode;
		this.transientFailure = transientFailure;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status
	 */
	public int statusCode() {
		return this.statusCode;
	}

	@Override
	public ScimFailureCategory category() {
		return ScimFailureCategory.SERVER_ERROR;
	}

	/**
	 * {@code true}: an answer came, so the request reached something that may have acted
	 * on it.
	 */
	@Override
	public boolean requestMayHaveBeenProcessed() {
		return true;
	}

	@Override
	public @Nullable ScimRetryReason retryReason() {
		return this.transientFailure ? ScimRetryReason.UNREADABLE_RESPONSE : null;
	}

	@Override
	public String summary() {
		return "unreadable " + this.statusCode + " answer";
	}

}
