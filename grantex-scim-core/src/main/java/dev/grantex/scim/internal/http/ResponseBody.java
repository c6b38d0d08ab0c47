package dev.grantex.scim.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.ClassUtils;

/**
 * The body of one answer, read under the client's bounds whatever the transport: at most
 * so many bytes (after any decompression the transport does), and not past the attempt's
 * deadline, so that neither a huge answer nor one that trickles a byte at a time can hold
 * a call. A read that blocks is bounded by the transport's own read timeout.
 *
 * <p>
 * {@link #finish()} ends the exchange: an answer read to its end (a little is drained to
 * get there) gives its connection back for reuse; anything else drops the connection
 * instead of reading on, so that a large or endless body costs nothing more.
 */
final class ResponseBody extends InputStream {

	/** How much is read past the end of the JSON to reach the end of the body. */
	private static final int DRAIN_LIMIT = 8 * 1024;

	private static final boolean APACHE_PRESENT = ClassUtils
		.isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", ResponseBody.class.getClassLoader());

	private final ClientHttpResponse response;

	private final InputStream in;

	private final long maxBytes;

	private final long deadlineNanos;

	private final LongSupplier nanoTime;

	private long count;

	private boolean atEnd;

	ResponseBody(ClientHttpResponse response, long maxBytes, long deadlineNanos, LongSupplier nanoTime)
			throws IOException {
		this.response = response;
		this.in = response.getBody();
		this.maxBytes = maxBytes;
		this.deadlineNanos = deadlineNanos;
		this.nanoTime = nanoTime;
	}

	@Override
	public int read() throws IOException {
		checkDeadline();
		int b;
		try {
			b = this.in.read();
		}
		catch (IOException ex) {
			throw translated(ex);
		}
		counted((b < 0) ? -1 : 1);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		checkDeadline();
		int n;
		try {
			// never more than one byte past the limit, which is enough to know it was
			// passed
			n = this.in.read(buffer, offset, (int) Math.min(length, this.maxBytes - this.count + 1));
		}
		catch (IOException ex) {
			throw translated(ex);
		}
		counted(n);
		return n;
	}

	/**
	 * Reads up to {@code limit} bytes, stopping there without complaint: for error
	 * bodies, of which only the start is of use.
	 * @param limit the most bytes to read
	 * @return the bytes read
	 * @throws IOException if reading fails
	 */
	byte[] readUpTo(int limit) throws IOException {
		return readNBytes((int) Math.min(limit, this.maxBytes));
	}

	/**
	 * Ends the exchange, keeping the connection only if the body was read to its end.
	 * Never throws.
	 */
	void finish() {
		if (!this.atEnd) {
			try {
				byte[] skip = new byte[1024];
				int drained = 0;
				while (!this.atEnd && drained < DRAIN_LIMIT && read(skip, 0, skip.length) >= 0) {
					drained += skip.length;
				}
			}
			catch (IOException ex) {
				// dropped below
			}
		}
		if (!this.atEnd) {
			abandon();
		}
		this.response.close();
	}

	/** Drops the connection rather than letting the transport read the rest. */
	private void abandon() {
		if (APACHE_PRESENT && ApacheStreams.abort(this.in)) {
			return;
		}
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// closing is all that is left to do
		}
	}

	private void counted(int n) throws ResponseTooLargeException {
		if (n < 0) {
			this.atEnd = true;
			return;
		}
		this.count += n;
		if (this.count > this.maxBytes) {
			throw new ResponseTooLargeException(this.maxBytes);
		}
	}

	private void checkDeadline() throws AnswerTimeoutException {
		if (this.nanoTime.getAsLong() - this.deadlineNanos >= 0) {
			throw new AnswerTimeoutException(null);
		}
	}

	/*
	 * A failure once the deadline has passed is the deadline's doing: a transport that
	 * enforces its own read timeout by closing the stream reports a closed stream.
	 */
	private IOException translated(IOException ex) {
		if (!(ex instanceof SocketTimeoutException) && this.nanoTime.getAsLong() - this.deadlineNanos >= 0) {
			return new AnswerTimeoutException(ex);
		}
		return ex;
	}

	/**
	 * The answer passed the attempt's deadline before it arrived whole: a read timeout.
	 */
	static final class AnswerTimeoutException extends SocketTimeoutException {

		private static final long serialVersionUID = 1L;

		AnswerTimeoutException(@Nullable Throwable cause) {
			super("the whole answer did not arrive within the read timeout or the call's deadline");
			if (cause != null) {
				initCause(cause);
			}
		}

	}

	/**
	 * The answer is larger than the client accepts.
	 */
	static final class ResponseTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		private final long maxBytes;

		ResponseTooLargeException(long maxBytes) {
			super("the answer is larger than " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		long maxBytes() {
			return this.maxBytes;
		}

		static String describe(long bytes) {
			return (bytes % (1024 * 1024) == 0) ? (bytes / (1024 * 1024)) + " MiB"
					: (bytes % 1024 == 0) ? (bytes / 1024) + " KiB" : bytes + " bytes";
		}

	}

}
