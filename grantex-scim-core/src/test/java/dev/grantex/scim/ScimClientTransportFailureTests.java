package dev.grantex.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.grantex.scim.error.ScimProtocolException;
import dev.grantex.scim.error.ScimServerException;
import dev.grantex.scim.error.ScimTransportException;
import dev.grantex.scim.retry.ScimRetrySettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failures below HTTP, and answers no Grantex sends but a proxy or a broken connection
 * can: each gives a distinct, clear exception. A raw socket stands in for the server
 * here, since these are faults of the network, not behaviours of Grantex.
 */
class ScimClientTransportFailureTests {

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private ServerSocket socket;

	@AfterEach
	void close() throws IOException {
		this.executor.shutdownNow();
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@Test
	void aRefusedConnectionIsAConnectFailureThatProvablyProcessedNothing() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		ScimClient client = ScimClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.scimToken("t0k3n")
			.retry(ScimRetrySettings.disabled())
			.build();

		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(client::listUsers)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.CONNECT_REFUSED))
			.satisfies((ex) -> assertThat(ex.requestMayHaveBeenProcessed()).isFalse())
			.satisfies((ex) -> assertThat(ex.getCause()).isNotNull())
			.withMessageStartingWith("GET /scim/v2/Users to http://127.0.0.1:" + port + " failed, could not connect");
	}

	@Test
	void noAnswerWithinTheReadTimeoutIsAReadTimeout() throws IOException {
		serve((in, out) -> {
			readRequestHead(in);
			sleep(5_000);
		});
		ScimClient client = client().readTimeout(Duration.ofMillis(300)).build();

		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(() -> client.getUser("scimuser_1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.READ_TIMEOUT))
			.satisfies((ex) -> assertThat(ex.requestMayHaveBeenProcessed()).isTrue())
			.withMessageContaining("timed out waiting for the answer");
	}

	@Test
	void aBodyThatStopsArrivingIsAReadTimeoutToo() throws IOException {
		serve((in, out) -> {
			readRequestHead(in);
			out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: 400\r\n\r\n"
					+ "{\"id\":\"scimuser_1\",")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			sleep(10_000);
		});
		ScimClient client = client().readTimeout(Duration.ofMillis(300)).build();
		long started = System.nanoTime();

		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(() -> client.getUser("scimuser_1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.READ_TIMEOUT))
			.withMessageContaining("timed out waiting for the answer");
		// a transport's own read timeout is per read, or ends with the head of the
		// answer;
		// without a deadline on the body this call would wait out the server's ten
		// seconds
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void oneConnectionServesCallAfterCallEvenWhenTheBodyEndsAfterTheJson() throws IOException {
		AtomicInteger served = new AtomicInteger();
		serve((in, out) -> {
			// one connection accepted, and kept: a call on a second connection would
			// never be answered
			for (int i = 0; i < 5; i++) {
				readRequestHead(in);
				served.incrementAndGet();
				byte[] user = "{\"id\":\"scimuser_1\",\"userName\":\"alice\"}".getBytes(StandardCharsets.UTF_8);
				out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + (user.length + 1)
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.write(user);
				out.flush();
				// the last byte of the body, a newline, comes after the JSON reader has
				// what it needs
				sleep(50);
				out.write('\n');
				out.flush();
			}
		});
		ScimClient client = client().readTimeout(Duration.ofSeconds(2)).build();

		for (int i = 0; i < 5; i++) {
			// closing the body before its end would make the JDK client give the
			// connection up
			assertThat(client.getUser("scimuser_1").userName()).isEqualTo("alice");
		}
		assertThat(served).hasValue(5);
	}

	@Test
	void aConnectionClosedAfterTheRequestIsAConnectionFailure() throws IOException {
		serve((in, out) -> readRequestHead(in));
		ScimClient client = client().build();

		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(() -> client.deleteUser("scimuser_1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.CONNECTION_RESET))
			.satisfies((ex) -> assertThat(ex.requestMayHaveBeenProcessed()).isTrue());
	}

	@Test
	void aSuccessBodyCutShortByTheConnectionIsATransportFailure() throws IOException {
		serve((in, out) -> {
			readRequestHead(in);
			String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"scimuser_1\",";
			out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: 400\r\n\r\n"
					+ body)
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
		});
		ScimClient client = client().build();

		assertThatExceptionOfType(ScimTransportException.class).isThrownBy(() -> client.getUser("scimuser_1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ScimTransportException.Kind.CONNECTION_RESET));
	}

	@Test
	void aCompleteSuccessBodyThatIsNotAUserIsAProtocolError() throws IOException {
		serve((in, out) -> {
			readRequestHead(in);
			respond(out, 200, "application/json", "{\"id\":\"scimuser_1\",\"active\":true}");
		});
		ScimClient client = client().build();

		assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(() -> client.getUser("scimuser_1"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(200))
			.withMessage("Grantex answered GET /scim/v2/Users/{id} with 200, but the body could not be read: "
					+ "the User has no userName");
	}

	@Test
	void aSuccessBodyThatIsNotJsonIsAProtocolError() throws IOException {
		serve((in, out) -> {
			readRequestHead(in);
			respond(out, 200, "text/html", "<html>maintenance</html>");
		});
		ScimClient client = client().build();

		assertThatExceptionOfType(ScimProtocolException.class).isThrownBy(client::listUsers)
			.withMessageStartingWith("Grantex answered GET /scim/v2/Users with 200, but the body could not be read");
	}

	@Test
	void aProxysHtmlErrorPageIsAServerErrorWithASnippet() throws IOException {
		serve((in, out) -> {
			readRequestHead(in);
			respond(out, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
		});
		ScimClient client = client().build();

		assertThatExceptionOfType(ScimServerException.class).isThrownBy(client::listUsers)
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(502))
			.satisfies((ex) -> assertThat(ex.likelyDuplicateUserName()).isFalse())
			.withMessageContaining("502 Bad Gateway, a body that is not a JSON error (text/html)")
			.withMessageContaining("<h1>502 Bad Gateway</h1>");
	}

	private ScimClient.Builder client() {
		// one attempt: these tests are about how each failure is reported, not about
		// retrying it
		return ScimClient.builder()
			.baseUrl("http://127.0.0.1:" + this.socket.getLocalPort())
			.scimToken("t0k3n")
			.retry(ScimRetrySettings.disabled());
	}

	/** Accepts one connection and lets {@code exchange} play the server on it. */
	private void serve(Exchange exchange) throws IOException {
		this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.executor.submit(() -> {
			try (Socket connection = this.socket.accept()) {
				exchange.run(connection.getInputStream(), connection.getOutputStream());
			}
			return null;
		});
	}

	private static void readRequestHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int b;
		while (matched < end.length && (b = in.read()) != -1) {
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
	}

	private static void respond(OutputStream out, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		out.write(("HTTP/1.1 " + status + " X\r\ncontent-type: " + contentType + "\r\ncontent-length: " + bytes.length
				+ "\r\nconnection: close\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.write(bytes);
		out.flush();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Exchange {

		void run(InputStream in, OutputStream out) throws IOException;

	}

}
