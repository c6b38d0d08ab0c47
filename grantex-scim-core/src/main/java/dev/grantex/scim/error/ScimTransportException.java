package dev.grantex.scim.error;

import java.io.Serial;

/**
 * No HTTP answer was received: the connection could not be made, timed out, or broke.
 * Wraps the I/O cause.
 *
 * <p>
 * {@link #kind()} tells whether the server can have processed the request: it cannot for
 * {@link Kind#CONNECT_REFUSED} and {@link Kind#CONNECT_TIMEOUT}; it may have for the
 * others.
 */
public class ScimTransportException extends ScimException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** What kind of failure it was. */
	private final Kind kind;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param kind what kind of failure it was
	 * @param cause the I/O failure
	 */
	public ScimTransportException(String message, Kind kind, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	/**
	 * What kind of failure it was.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	@Override
	public ScimFailureCategory category() {
		return ScimFailureCategory.TRANSPORT_ERROR;
	}

	/**
	 * {@code false} only when the connection was never established.
	 */
	@Override
	public boolean requestMayHaveBeenProcessed() {
		return this.kind != Kind.CONNECT_REFUSED && this.kind != Kind.CONNECT_TIMEOUT;
	}

	@Override
	public ScimRetryReason retryReason() {
		return switch (this.kind) {
			case CONNECT_REFUSED, CONNECT_TIMEOUT -> ScimRetryReason.CONNECT_FAILURE;
			case READ_TIMEOUT -> ScimRetryReason.TIMEOUT;
			case CONNECTION_RESET -> ScimRetryReason.CONNECTION_RESET;
		};
	}

	@Override
	public String summary() {
		return switch (this.kind) {
			case CONNECT_REFUSED -> "connect refused";
			case CONNECT_TIMEOUT -> "connect timeout";
			case READ_TIMEOUT -> "read timeout";
			case CONNECTION_RESET -> "connection reset";
		};
	}

	/**
	 * The kinds of transport failure.
	 */
	public enum Kind {

		/** The connection was refused or the host unreachable; nothing was sent. */
		CONNECT_REFUSED,

		/** The connection could not be established in time; nothing was sent. */
		CONNECT_TIMEOUT,

		/** The request was sent but no answer came in time. */
		READ_TIMEOUT,

		/** The connection broke while sending or receiving. */
		CONNECTION_RESET

	}

}
