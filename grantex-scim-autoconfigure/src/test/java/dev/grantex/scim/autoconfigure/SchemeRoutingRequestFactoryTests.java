package dev.grantex.scim.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SchemeRoutingRequestFactory}: requests to {@code http://} go through the
 * cleartext factory, every other through the other; destroying it destroys both.
 */
class SchemeRoutingRequestFactoryTests {

	private final Recording cleartext = new Recording();

	private final Recording others = new Recording();

	private final SchemeRoutingRequestFactory factory = new SchemeRoutingRequestFactory(this.cleartext, this.others);

	@Test
	void httpGoesThroughTheCleartextFactoryAndHttpsThroughTheOther() throws Exception {
		this.factory.createRequest(URI.create("http://127.0.0.1:8080/scim/v2/Users"), HttpMethod.GET);
		this.factory.createRequest(URI.create("HTTP://grantex.internal/scim/v2/Users"), HttpMethod.PATCH);
		this.factory.createRequest(URI.create("https://api.grantex.dev/scim/v2/Users"), HttpMethod.DELETE);

		assertThat(this.cleartext.uris).containsExactly("http://127.0.0.1:8080/scim/v2/Users",
				"HTTP://grantex.internal/scim/v2/Users");
		assertThat(this.others.uris).containsExactly("https://api.grantex.dev/scim/v2/Users");
	}

	@Test
	void destroyingItDestroysBoth() throws Exception {
		this.factory.destroy();

		assertThat(this.cleartext.destroyed).isTrue();
		assertThat(this.others.destroyed).isTrue();
	}

	@Test
	void aFactoryThatNeedsNoDestroyingIsLeftAlone() throws Exception {
		new SchemeRoutingRequestFactory((uri, method) -> new MockClientHttpRequest(method, uri), this.others).destroy();

		assertThat(this.others.destroyed).isTrue();
	}

	private static final class Recording implements ClientHttpRequestFactory, DisposableBean {

		private final List<String> uris = new ArrayList<>();

		private boolean destroyed;

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
			this.uris.add(uri.toString());
			return new MockClientHttpRequest(httpMethod, uri);
		}

		@Override
		public void destroy() {
			this.destroyed = true;
		}

	}

}
