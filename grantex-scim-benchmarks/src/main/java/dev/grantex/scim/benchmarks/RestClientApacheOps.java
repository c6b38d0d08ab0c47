package dev.grantex.scim.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;

import dev.grantex.scim.benchmarks.JsonRecords.Page;
import dev.grantex.scim.benchmarks.JsonRecords.User;

/**
 * The {@code restclient-apache} floor: Spring's {@link RestClient} on
 * {@link HttpComponentsClientHttpRequestFactory} (Apache HttpClient 5 as Spring creates
 * it by default, but with a pool of 64 connections, as the bean has), Jackson data
 * binding into {@link JsonRecords}, as an application writes a client of its own: the
 * same headers, the status checked by {@code retrieve()}, and nothing else: no retry, no
 * error mapping, no rate-limit headers, no observation. Thread-safe.
 */
final class RestClientApacheOps implements ScimOps {

	/** The pool's size: the bean's default ({@code grantex.http.max-connections}). */
	static final int MAX_CONNECTIONS = 64;

	private final HttpComponentsClientHttpRequestFactory requestFactory;

	private final RestClient client;

	private final String userId;

	RestClientApacheOps(URI baseUrl, String scimToken, String userId) {
		this.requestFactory = new HttpComponentsClientHttpRequestFactory(pooledHttpClient());
		this.client = RestClient.builder()
			.requestFactory(this.requestFactory)
			.baseUrl(baseUrl.toString())
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + scimToken)
			.configureMessageConverters((converters) -> converters
				.withJsonConverter(new JacksonJsonHttpMessageConverter(JsonRecords.MAPPER)))
			.build();
		this.userId = userId;
	}

	@Override
	public Object getUser() {
		return required(this.client.get().uri("/scim/v2/Users/{id}", this.userId).retrieve().body(User.class));
	}

	@Override
	public Object listUsers() {
		return page(1, 200);
	}

	private Page page(int startIndex, int count) {
		return required(this.client.get()
			.uri("/scim/v2/Users?startIndex={startIndex}&count={count}", startIndex, count)
			.retrieve()
			.body(Page.class));
	}

	@Override
	public Object createUser(int n) {
		return required(this.client.post()
			.uri("/scim/v2/Users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(JsonRecords.newUser(n))
			.retrieve()
			.body(User.class));
	}

	@Override
	public Object updateUser() {
		return required(this.client.patch()
			.uri("/scim/v2/Users/{id}", this.userId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(JsonRecords.DEACTIVATE)
			.retrieve()
			.body(User.class));
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
			Page page = page(startIndex, STREAM_PAGE_SIZE);
			List<User> resources = page.resources();
			if (resources == null || resources.isEmpty()) {
				return seen;
			}
			for (User each : resources) {
				sink.accept(each);
			}
			seen += resources.size();
			startIndex += resources.size();
			if (startIndex > page.totalResults()) {
				return seen;
			}
		}
	}

	/**
	 * Apache HttpClient 5 with as many connections as the bean's pool:
	 * {@code HttpClients.createSystem()}, which the request factory's default constructor
	 * uses, keeps 5 per route, on which 16 or 64 threads would queue.
	 * @return the client
	 */
	static CloseableHttpClient pooledHttpClient() {
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.useSystemProperties()
			.setMaxConnTotal(MAX_CONNECTIONS)
			.setMaxConnPerRoute(MAX_CONNECTIONS)
			.build();
		return HttpClients.custom().useSystemProperties().setConnectionManager(pool).build();
	}

	private static <T> T required(@Nullable T body) {
		if (body == null) {
			throw new IllegalStateException("No body");
		}
		return body;
	}

	@Override
	public void close() {
		try {
			this.requestFactory.destroy();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
