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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * past the end. The users' ids end in the number of their place in the list (the last
 * seven characters of each id overwritten in place, in a copy of the page that each
 * connection keeps), so that every page holds other users than the one before, as a
 * client that checks that its paging advances requires;</li>
 * <li>anything else: 404.</li>
 * </ul>
 * Every answer carries Grantex's headers ({@code content-type}, the three
 * {@code x-ratelimit-*}, {@code cache-control}). The rate limit it announces is a billion
 * requests a minute, of which all but one are left: the client paces itself by these
 * headers, and spaces its requests 60 ns apart under this budget (12 ms under the real
 * one), so that what is measured is the cost of pacing, not its waits.
 *
 * <p>
 * It serves any number of connections at once, each on a thread of its own (64 client
 * threads each with a connection of their own: 64 server threads), with a listen backlog
 * of 128 so that 64 connecting at once are not refused.
 */
final class CannedServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final byte[] user;

	private final byte[] created;

	private final Page page100;

	private final Page page200;

	private final byte[] emptyPage;

	private final byte[] notFound;

	private final int totalResults;

	private final Thread acceptor;

	private volatile boolean closed;

	private final AtomicInteger connections = new AtomicInteger();

	private final Map<String, String> heads = new ConcurrentHashMap<>();

	private volatile boolean captureHeads;

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
		this.page100 = new Page(response(200, WireFixtures.withTotal(fixtures.page100(), totalResults)));
		this.page200 = new Page(response(200, WireFixtures.withTotal(fixtures.page200(), totalResults)));
		this.emptyPage = response(200,
				("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]," + "\"totalResults\":"
						+ totalResults + ",\"startIndex\":" + (totalResults + 1)
						+ ",\"itemsPerPage\":100,\"Resources\":[]}")
					.getBytes(StandardCharsets.UTF_8));
		this.notFound = response(404, ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
				+ "\"detail\":\"Not found\",\"status\":404}")
			.getBytes(StandardCharsets.UTF_8));
		this.serverSocket = new ServerSocket();
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
		this.acceptor = new Thread(this::acceptLoop, "canned-server-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/** How many connections were accepted: a client that pools connections opens few. */
	int connections() {
		return this.connections.get();
	}

	/**
	 * Starts or stops keeping the head of the latest request of each method, for
	 * {@link #heads()}.
	 * @param capture whether to keep them
	 */
	void captureHeads(boolean capture) {
		this.captureHeads = capture;
	}

	/**
	 * The head of the latest request of each method since {@link #captureHeads} was
	 * turned on, as received (its lines joined by {@code \n}).
	 * @return method to head
	 */
	Map<String, String> heads() {
		return Map.copyOf(this.heads);
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
		byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n" + "x-ratelimit-limit: 1000000000\r\n"
				+ "x-ratelimit-remaining: 999999999\r\n" + "x-ratelimit-reset: 60\r\n"
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
			Map<Page, byte[]> pages = new HashMap<>(4);
			while (reader.readHead(this.captureHeads)) {
				if (this.captureHeads) {
					this.heads.put(reader.method, reader.head.toString());
				}
				reader.skipBody();
				out.write(answer(reader.method, reader.target, pages));
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

	private byte[] answer(String method, String target, Map<Page, byte[]> pages) {
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
			Page page = "100".equals(parameters.get("count")) ? this.page100 : this.page200;
			return page.numbered(pages.computeIfAbsent(page, Page::copy), startIndex);
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

	/**
	 * A prepared page whose users' ids are numbered by their place in the list: the
	 * offsets of the last characters of each id, and a method that writes the numbers
	 * into a copy.
	 */
	private static final class Page {

		private static final byte[] ID = "\"id\":\"".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".getBytes(StandardCharsets.US_ASCII);

		private static final int NUMBER_LENGTH = 7;

		private final byte[] template;

		private final int[] idEnds;

		Page(byte[] template) {
			this.template = template;
			List<Integer> ends = new ArrayList<>();
			for (int i = 0; i + ID.length < template.length; i++) {
				if (startsWith(template, i, ID)) {
					int end = i + ID.length;
					while (template[end] != '"') {
						end++;
					}
					if (end - (i + ID.length) < NUMBER_LENGTH) {
						throw new IllegalStateException("An id shorter than " + NUMBER_LENGTH + " characters");
					}
					ends.add(end);
				}
			}
			this.idEnds = ends.stream().mapToInt(Integer::intValue).toArray();
		}

		byte[] copy() {
			return this.template.clone();
		}

		/** Writes the ids of the users from {@code startIndex} on into {@code copy}. */
		byte[] numbered(byte[] copy, int startIndex) {
			for (int i = 0; i < this.idEnds.length; i++) {
				long number = (long) startIndex + i;
				for (int at = this.idEnds[i] - 1; at >= this.idEnds[i] - NUMBER_LENGTH; at--) {
					copy[at] = DIGITS[(int) (number & 31)];
					number >>>= 5;
				}
			}
			return copy;
		}

		private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
			for (int i = 0; i < prefix.length; i++) {
				if (bytes[offset + i] != prefix[i]) {
					return false;
				}
			}
			return true;
		}

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

		final StringBuilder head = new StringBuilder();

		RequestReader(InputStream in) {
			this.in = in;
		}

		/**
		 * Reads the next request head; {@code false} at the end of the connection.
		 * @param keep whether to keep the head's lines in {@link #head}
		 */
		boolean readHead(boolean keep) throws IOException {
			this.head.setLength(0);
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
			if (keep) {
				this.head.append(requestLine);
			}
			String line;
			while ((line = readLine()) != null && !line.isEmpty()) {
				if (keep) {
					this.head.append('\n').append(line);
				}
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
