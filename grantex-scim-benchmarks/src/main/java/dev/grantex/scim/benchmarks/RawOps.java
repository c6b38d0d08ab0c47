package dev.grantex.scim.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code raw} floor: the least a client can do. One keep-alive HTTP/1.1 connection on
 * a plain socket, the same request line and headers as the client's bean sends (see
 * {@link WireCheck}), a status check, the body read to its {@code Content-Length} (or its
 * chunks) and parsed into a Jackson tree, {@code emails} parsed from the string Grantex
 * holds it in. No pool, no retry, no error mapping, no rate-limit headers, no URI
 * templates. Not thread-safe: one per thread.
 */
final class RawOps implements ScimOps {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ObjectWriter WRITER = JsonRecords.MAPPER.writer();

	private static final byte[] DEACTIVATE = WRITER.writeValueAsBytes(JsonRecords.DEACTIVATE);

	private static final int READ_TIMEOUT_MILLIS = 30_000;

	private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

	private final InetSocketAddress address;

	private final String host;

	private final String authorization;

	private final String userId;

	private final byte[] buffer = new byte[16 * 1024];

	private int position;

	private int limit;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	RawOps(URI baseUrl, String scimToken, String userId) {
		this.address = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
		this.host = baseUrl.getHost() + ":" + baseUrl.getPort();
		this.authorization = "Bearer " + scimToken;
		this.userId = userId;
	}

	@Override
	public Object getUser() {
		return user(exchange("GET", userPath(this.userId), null, 200));
	}

	@Override
	public Object listUsers() {
		return page(1, 200);
	}

	@Override
	public Object createUser(int n) {
		byte[] body = WRITER.writeValueAsBytes(JsonRecords.newUser(n));
		return user(exchange("POST", "/scim/v2/Users", body, 201));
	}

	@Override
	public Object updateUser() {
		return user(exchange("PATCH", userPath(this.userId), DEACTIVATE, 200));
	}

	/**
	 * The hand-written pager: pages of 100 until the users seen reach
	 * {@code totalResults} or a page is empty.
	 */
	@Override
	public long streamUsers(Consumer<Object> sink) {
		long seen = 0;
		int startIndex = 1;
		while (true) {
			JsonNode page = page(startIndex, STREAM_PAGE_SIZE);
			JsonNode resources = page.get("Resources");
			int size = (resources != null) ? resources.size() : 0;
			if (size == 0) {
				return seen;
			}
			for (JsonNode each : resources) {
				sink.accept(each);
			}
			seen += size;
			startIndex += size;
			if (startIndex > page.get("totalResults").asInt()) {
				return seen;
			}
		}
	}

	private JsonNode page(int startIndex, int count) {
		JsonNode page = exchange("GET", "/scim/v2/Users?startIndex=" + startIndex + "&count=" + count, null, 200);
		JsonNode resources = page.get("Resources");
		if (resources != null) {
			for (JsonNode each : resources) {
				user(each);
			}
		}
		return page;
	}

	/** Parses {@code emails} from the string Grantex holds it in. */
	private static JsonNode user(JsonNode user) {
		JsonNode emails = user.get("emails");
		if (emails != null && emails.isString() && user instanceof ObjectNode object) {
			object.set("emails", MAPPER.readTree(emails.asString()));
		}
		return user;
	}

	/** The user's path, the id encoded as one path segment, as a correct client must. */
	private static String userPath(String id) {
		return "/scim/v2/Users/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private JsonNode exchange(String method, String target, byte @Nullable [] body, int expected) {
		byte[] request = request(method, target, body);
		try {
			boolean reused = this.socket != null;
			byte[] answer;
			try {
				answer = send(request, expected);
			}
			catch (EOFException ex) {
				if (!reused) {
					throw ex;
				}
				// the server closed the kept-alive connection before this request: once
				// more on a new one
				closeSocket();
				answer = send(request, expected);
			}
			return MAPPER.readTree(answer);
		}
		catch (IOException ex) {
			closeSocket();
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] request(String method, String target, byte @Nullable [] body) {
		StringBuilder head = new StringBuilder(256).append(method)
			.append(' ')
			.append(target)
			.append(" HTTP/1.1\r\n")
			.append("Accept: application/json\r\n")
			.append("Authorization: ")
			.append(this.authorization)
			.append("\r\n");
		if (body != null) {
			head.append("Content-Type: application/json\r\n");
		}
		head.append("Host: ").append(this.host).append("\r\n");
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: keep-alive\r\n")
			.append("User-Agent: ")
			.append(WireCheck.USER_AGENT)
			.append("\r\n\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		if (body == null) {
			return headBytes;
		}
		byte[] all = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, all, 0, headBytes.length);
		System.arraycopy(body, 0, all, headBytes.length, body.length);
		return all;
	}

	private byte[] send(byte[] request, int expected) throws IOException {
		OutputStream output = this.out;
		if (output == null) {
			output = connect();
		}
		output.write(request);
		output.flush();
		String statusLine = readLine();
		if (statusLine == null) {
			throw new EOFException("The connection closed before an answer");
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		String line;
		while ((line = readLine()) != null && !line.isEmpty()) {
			if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
				contentLength = Long.parseLong(line.substring(15).trim());
			}
			else if (line.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
				chunked = line.regionMatches(true, line.length() - 7, "chunked", 0, 7);
			}
			else if (line.regionMatches(true, 0, "connection:", 0, 11)) {
				close = line.regionMatches(true, line.length() - 5, "close", 0, 5);
			}
		}
		if (line == null) {
			throw new EOFException("The connection closed in an answer's head");
		}
		byte[] body = chunked ? readChunked() : readExactly((contentLength >= 0) ? contentLength : 0);
		if (close) {
			closeSocket();
		}
		if (status != expected) {
			throw new IllegalStateException("Unexpected status " + status + ": "
					+ new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
		}
		return body;
	}

	private OutputStream connect() throws IOException {
		Socket connection = new Socket();
		connection.setTcpNoDelay(true);
		connection.setSoTimeout(READ_TIMEOUT_MILLIS);
		connection.connect(this.address, CONNECT_TIMEOUT_MILLIS);
		this.socket = connection;
		this.in = connection.getInputStream();
		OutputStream output = connection.getOutputStream();
		this.out = output;
		this.position = 0;
		this.limit = 0;
		return output;
	}

	private byte[] readExactly(long length) throws IOException {
		byte[] body = new byte[Math.toIntExact(length)];
		int filled = 0;
		while (filled < body.length) {
			if (this.position == this.limit && !fill()) {
				throw new EOFException("The connection closed in an answer's body");
			}
			int step = Math.min(body.length - filled, this.limit - this.position);
			System.arraycopy(this.buffer, this.position, body, filled, step);
			this.position += step;
			filled += step;
		}
		return body;
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
		while (true) {
			String size = readLine();
			if (size == null) {
				throw new EOFException("The connection closed in a chunked body");
			}
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt(((semicolon >= 0) ? size.substring(0, semicolon) : size).trim(), 16);
			if (length == 0) {
				String trailer;
				while ((trailer = readLine()) != null && !trailer.isEmpty()) {
					// trailers are ignored
				}
				return body.toByteArray();
			}
			body.writeBytes(readExactly(length));
			readLine();
		}
	}

	private boolean fill() throws IOException {
		InputStream input = this.in;
		if (input == null) {
			return false;
		}
		int read = input.read(this.buffer);
		if (read <= 0) {
			return false;
		}
		this.position = 0;
		this.limit = read;
		return true;
	}

	/** A line of the head, without its CRLF; {@code null} at the end of the stream. */
	private @Nullable String readLine() throws IOException {
		StringBuilder line = null;
		while (true) {
			if (this.position == this.limit && !fill()) {
				return (line != null) ? line.toString() : null;
			}
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
				this.position++;
			}
			int end = this.position;
			boolean complete = this.position < this.limit;
			if (complete) {
				this.position++;
			}
			if (complete && line == null) {
				int length = (end > start && this.buffer[end - 1] == '\r') ? end - start - 1 : end - start;
				return new String(this.buffer, start, length, StandardCharsets.ISO_8859_1);
			}
			String part = new String(this.buffer, start, end - start, StandardCharsets.ISO_8859_1);
			line = (line != null) ? line.append(part) : new StringBuilder(part);
			if (complete) {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return line.toString();
			}
		}
	}

	private void closeSocket() {
		Socket connection = this.socket;
		this.socket = null;
		this.in = null;
		this.out = null;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	@Override
	public void close() {
		closeSocket();
	}

}
