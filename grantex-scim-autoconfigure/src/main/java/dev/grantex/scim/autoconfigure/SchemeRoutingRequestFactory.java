package dev.grantex.scim.autoconfigure;

import java.io.IOException;
import java.net.URI;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Sends requests to {@code http://} URLs through one factory and every other request
 * through another: for the JDK's {@code HttpClient}, which must speak HTTP/1.1 to Grantex
 * over {@code http://} (Grantex refuses the cleartext upgrade to HTTP/2) and may speak
 * HTTP/2 over {@code https://}. The HTTP client is shared by every client built from the
 * {@code ScimClient.Builder} bean, and each may call a Grantex of its own, of either
 * scheme.
 */
final class SchemeRoutingRequestFactory implements ClientHttpRequestFactory, DisposableBean {

	private final ClientHttpRequestFactory cleartext;

	private final ClientHttpRequestFactory others;

	SchemeRoutingRequestFactory(ClientHttpRequestFactory cleartext, ClientHttpRequestFactory others) {
		this.cleartext = cleartext;
		this.others = others;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		boolean http = "http".equalsIgnoreCase(uri.getScheme());
		return (http ? this.cleartext : this.others).createRequest(uri, httpMethod);
	}

	@Override
	public void destroy() throws Exception {
		for (ClientHttpRequestFactory factory : new ClientHttpRequestFactory[] { this.cleartext, this.others }) {
			if (factory instanceof DisposableBean disposable) {
				disposable.destroy();
			}
		}
	}

}
