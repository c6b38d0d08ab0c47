package dev.grantex.scim.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 request on a plain socket, for tests that must see the wire as it is: the
 * body read byte by byte as it arrives, a per-read timeout, a connection closed in the
 * middle of an answer. No client library buffers, decompresses or retries in between.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private int status;

	private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private RawConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream());
	}

	/**
	 * Sends a request and reads the answer's head.
	 * @param baseUrl the server
	 * @param requestHead the request line and headers, without the final blank line;
	 * {@code Host} and {@code Connection: close} are added
	 * @param readTimeoutMillis the socket's per-read timeout
	 * @return the connection, positioned at the first byte of the body
	 */
	static RawConnection open(URI baseUrl, String requestHead, int readTimeoutMillis) throws IOException {
		Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort());
		socket.setSoTimeout(readTimeoutMillis);
		RawConnection connection = new RawConnection(socket);
		OutputStream out = socket.getOutputStream();
		String head = requestHead + "\r\nHost: " + baseUrl.getHost() + ":" + baseUrl.getPort()
				+ "\r\nConnection: close\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		connection.readHead();
		return connection;
	}

	/**
	 * Changes the socket's per-read timeout, for what is read from now on.
	 * @param millis the timeout
	 * @return this connection
	 */
	RawConnection readTimeout(int millis) throws IOException {
		this.socket.setSoTimeout(millis);
		return this;
	}

	int status() {
		return this.status;
	}

	@Nullable String header(String name) {
		return this.headers.get(name);
	}

	/** The body as it arrives on the wire, chunk framing included. */
	InputStream rawBody() {
		return this.in;
	}

	/** The body without chunk framing, when the answer is chunked. */
	InputStream body() {
		String encoding = header("transfer-encoding");
		return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) ? new Dechunking(this.in)
				: this.in;
	}

	/**
	 * Reads the whole body.
	 * @return the body, chunk framing removed
	 */
	byte[] readBody() throws IOException {
		return body().readAllBytes();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private void readHead() throws IOException {
		String statusLine = readLine();
		this.status = Integer.parseInt(statusLine.split(" ", 3)[1]);
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			this.headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(),
					(first, second) -> first + ", " + second);
		}
	}

	private String readLine() throws IOException {
		return readLine(this.in);
	}

	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("Connection closed in the middle of a line");
			}
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	/** A chunked body with its framing taken off. */
	private static final class Dechunking extends InputStream {

		private final InputStream in;

		private long left;

		private boolean ended;

		Dechunking(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.ended) {
				return -1;
			}
			if (this.left == 0) {
				String size = readLine(this.in);
				this.left = Long.parseLong(size.split(";", 2)[0].trim(), 16);
				if (this.left == 0) {
					readLine(this.in);
					this.ended = true;
					return -1;
				}
			}
			int read = this.in.read(buffer, offset, (int) Math.min(length, this.left));
			if (read < 0) {
				throw new IOException("Connection closed in the middle of a chunk");
			}
			this.left -= read;
			if (this.left == 0) {
				readLine(this.in);
			}
			return read;
		}

	}

}
