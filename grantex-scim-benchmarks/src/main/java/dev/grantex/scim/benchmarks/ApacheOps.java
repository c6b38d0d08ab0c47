package dev.grantex.scim.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Consumer;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.io.CloseMode;

import dev.grantex.scim.benchmarks.JsonRecords.User;

/**
 * Apache HttpClient 5 classic alone, without Spring: the {@code restclient-apache}
 * floor's HTTP client (the same pool of 64 connections) sending the same {@code getUser}
 * request, its body read into the same record by the same Jackson mapper. The concurrency
 * benchmarks measure it to show what the transport the bean and that floor share costs by
 * itself when many threads share it; it does {@code getUser} only.
 */
final class ApacheOps implements ScimOps {

	private final CloseableHttpClient client;

	private final URI user;

	private final String authorization;

	ApacheOps(URI baseUrl, String scimToken, String userId) {
		this.client = RestClientApacheOps.pooledHttpClient();
		this.user = baseUrl.resolve("/scim/v2/Users/" + userId);
		this.authorization = "Bearer " + scimToken;
	}

	@Override
	public Object getUser() {
		HttpGet get = new HttpGet(this.user);
		get.addHeader(HttpHeaders.ACCEPT, "application/json");
		get.addHeader(HttpHeaders.AUTHORIZATION, this.authorization);
		try {
			// the handler's form releases the connection once the body is read
			return this.client.execute(get, (response) -> {
				if (response.getCode() != HttpStatus.SC_OK || response.getEntity() == null) {
					throw new IllegalStateException("getUser answered " + response.getCode());
				}
				try (InputStream body = response.getEntity().getContent()) {
					return JsonRecords.MAPPER.readValue(body, User.class);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Object listUsers() {
		throw unsupported();
	}

	@Override
	public Object createUser(int n) {
		throw unsupported();
	}

	@Override
	public Object updateUser() {
		throw unsupported();
	}

	@Override
	public long streamUsers(Consumer<Object> sink) {
		throw unsupported();
	}

	private static UnsupportedOperationException unsupported() {
		return new UnsupportedOperationException("The Apache HttpClient floor does getUser only");
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

}
