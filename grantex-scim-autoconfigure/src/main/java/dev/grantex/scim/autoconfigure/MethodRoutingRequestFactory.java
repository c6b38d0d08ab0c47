package dev.grantex.scim.autoconfigure;

import java.io.IOException;
import java.net.URI;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Sends {@code PATCH} and {@code DELETE} through one factory and every other method
 * through another: for {@code HttpURLConnection}, which cannot send {@code PATCH} at all
 * and sends every {@code DELETE} with a form content type that Grantex refuses (415).
 */
final class MethodRoutingRequestFactory implements ClientHttpRequestFactory, DisposableBean {

	private final ClientHttpRequestFactory others;

	private final ClientHttpRequestFactory patchAndDelete;

	MethodRoutingRequestFactory(ClientHttpRequestFactory others, ClientHttpRequestFactory patchAndDelete) {
		this.others = others;
		this.patchAndDelete = patchAndDelete;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		boolean routed = HttpMethod.PATCH.equals(httpMethod) || HttpMethod.DELETE.equals(httpMethod);
		return (routed ? this.patchAndDelete : this.others).createRequest(uri, httpMethod);
	}

	@Override
	public void destroy() throws Exception {
		for (ClientHttpRequestFactory factory : new ClientHttpRequestFactory[] { this.others, this.patchAndDelete }) {
			if (factory instanceof DisposableBean disposable) {
				disposable.destroy();
			}
		}
	}

}
