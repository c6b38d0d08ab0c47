package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 responder on a loopback port that answers the SCIM user routes with
 * prepared bytes, so that what a benchmark measures is the client, not the server: per
 * request it only scans the request head, skips the body and writes a byte array prepared
 * in advance. Keep-alive, one thread per connection.
 *
 * <ul>
 * <li>{@code GET /scim/v2/Users/{id}}, {@code PATCH /scim/v2/Users/{id}}: 200 and the
 * user;</li>
 * <li>{@code POST /scim/v2/Users}: 201 and the user;</li>
 * <li>{@code GET /scim/v2/Users?startIndex=…&count=…}: the prepared page of 100 users for
 * {@code count=100}, else of 200, with {@code totalResults} as configured; an empty page
 * past the end;</li>
 * <li>anything else: 404.</li>
 * </ul>
 * Every answer carries Grantex's headers ({@code content-type}, the three
 * {@code x-ratelimit-*}, {@code cache-control}).
 */
final class CannedServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final byte[] user;

	private final byte[] created;

	private final byte[] page100;

	private final byte[] page200;

	private final byte[] emptyPage;

	private final byte[] notFound;

	private final int totalResults;

	private final Thread acceptor;

	private volatile boolean closed;

	private final AtomicInteger connections = new AtomicInteger();

	/**
	 * Starts a server answering with the given fixtures.
	 * @param fixtures the bodies
	 * @param totalResults the {@code totalResults} of every page: the number of users the
	 * server pretends to hold
	 */
	CannedServer(WireFixtures fixtures, int totalResults) throws IOException {
		this.totalResults = totalResults;
		this.user = response(200, fixtures.user());
		this.created = response(201, fixtures.user());
		this.page100 = response(200, WireFixtures.withTotal(fixtures.page100(), totalResults));
		this.page200 = response(200, WireFixtures.withTotal(fixtures.page200(), totalResults));
		this.emptyPage = response(200,
				("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]," + "\"totalResults\":"
						+ totalResults + ",\"startIndex\":" + (totalResults + 1)
						+ ",\"itemsPerPage\":100,\"Resources\":[]}")
					.getBytes(StandardCharsets.UTF_8));
		this.notFound = response(404, ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
				+ "\"detail\":\"Not found\",\"status\":404}")
			.getBytes(StandardCharsets.UTF_8));
		this.serverSocket = new ServerSocket();
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.acceptor = new Thread(this::acceptLoop, "canned-server-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/** How many connections were accepted: a client that pools connections opens few. */
	int connections() {
		return this.connections.get();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.serverSocket.getLocalPort());
	}

	private static byte[] response(int status, byte[] body) {
		String reason = switch (status) {
			case 200 -> "OK";
			case 201 -> "Created";
			default -> "Not Found";
		};
		byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n" + "x-ratelimit-limit: 5000\r\n"
				+ "x-ratelimit-remaining: 4999\r\n" + "x-ratelimit-reset: 60\r\n"
				+ "content-type: application/json; charset=utf-8\r\n" + "cache-control: no-store\r\n"
				+ "content-length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] all = new byte[head.length + body.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		return all;
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				socket.setTcpNoDelay(true);
				this.connections.incrementAndGet();
				Thread connection = new Thread(() -> serve(socket), "canned-server-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				if (!this.closed) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private void serve(Socket socket) {
		try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
			RequestReader reader = new RequestReader(in);
			while (reader.readHead()) {
				reader.skipBody();
				out.write(answer(reader.method, reader.target));
				out.flush();
			}
		}
		catch (SocketException ex) {
			// the client closed the connection
		}
		catch (IOException ex) {
			if (!this.closed) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private byte[] answer(String method, String target) {
		if (!target.startsWith("/scim/v2/Users")) {
			return this.notFound;
		}
		int query = target.indexOf('?');
		String path = (query >= 0) ? target.substring(0, query) : target;
		boolean collection = path.equals("/scim/v2/Users");
		if (collection && method.equals("GET")) {
			Map<String, String> parameters = parameters((query >= 0) ? target.substring(query + 1) : "");
			int startIndex = Integer.parseInt(parameters.getOrDefault("startIndex", "1"));
			if (startIndex > this.totalResults) {
				return this.emptyPage;
			}
			return "100".equals(parameters.get("count")) ? this.page100 : this.page200;
		}
		if (collection && method.equals("POST")) {
			return this.created;
		}
		if (!collection && (method.equals("GET") || method.equals("PATCH"))) {
			return this.user;
		}
		return this.notFound;
	}

	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new HashMap<>(4);
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return parameters;
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
	}

	/** Reads request heads and bodies (Content-Length or chunked) off one connection. */
	private static final class RequestReader {

		private final InputStream in;

		private final byte[] buffer = new byte[16 * 1024];

		private int position;

		private int limit;

		String method = "";

		String target = "";

		private long contentLength;

		private boolean chunked;

		RequestReader(InputStream in) {
			this.in = in;
		}

		/** Reads the next request head; {@code false} at the end of the connection. */
		boolean readHead() throws IOException {
			String requestLine = readLine();
			while (requestLine != null && requestLine.isEmpty()) {
				requestLine = readLine();
			}
			if (requestLine == null) {
				return false;
			}
			int firstSpace = requestLine.indexOf(' ');
			int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
			this.method = requestLine.substring(0, firstSpace);
			this.target = requestLine.substring(firstSpace + 1, secondSpace);
			this.contentLength = 0;
			this.chunked = false;
			String line;
			while ((line = readLine()) != null && !line.isEmpty()) {
				int colon = line.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).trim();
				if (name.equals("content-length")) {
					this.contentLength = Long.parseLong(value);
				}
				else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
					this.chunked = true;
				}
			}
			return line != null;
		}

		void skipBody() throws IOException {
			if (this.chunked) {
				while (true) {
					String size = readLine();
					if (size == null) {
						return;
					}
					int semicolon = size.indexOf(';');
					long length = Long.parseLong(((semicolon >= 0) ? size.substring(0, semicolon) : size).trim(), 16);
					if (length == 0) {
						String trailer;
						while ((trailer = readLine()) != null && !trailer.isEmpty()) {
							// trailers are ignored
						}
						return;
					}
					skip(length);
					readLine();
				}
			}
			skip(this.contentLength);
		}

		private void skip(long length) throws IOException {
			long remaining = length;
			while (remaining > 0) {
				if (this.position == this.limit && !fill()) {
					return;
				}
				int step = (int) Math.min(remaining, this.limit - this.position);
				this.position += step;
				remaining -= step;
			}
		}

		private boolean fill() throws IOException {
			int read = this.in.read(this.buffer);
			if (read <= 0) {
				return false;
			}
			this.position = 0;
			this.limit = read;
			return true;
		}

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

	}

}
