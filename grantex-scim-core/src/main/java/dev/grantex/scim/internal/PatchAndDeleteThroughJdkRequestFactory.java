package dev.grantex.scim.internal;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Sends {@code PATCH} and {@code DELETE} through the JDK client and everything else
 * through the given factory. For Spring's {@code SimpleClientHttpRequestFactory}, whose
 * {@code HttpURLConnection} refuses {@code PATCH} ("Invalid HTTP method: PATCH") and
 * sends every {@code DELETE} with
 * {@code Content-Type: application/x-www-form-urlencoded}, which Grantex answers with 415
 * "Unsupported Media Type". The JDK client has the builder's timeouts, not the given
 * factory's proxy or SSL settings.
 */
final class PatchAndDeleteThroughJdkRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory given;

	private final ClientHttpRequestFactory jdk;

	PatchAndDeleteThroughJdkRequestFactory(ClientHttpRequestFactory given, ClientHttpRequestFactory jdk) {
		this.given = given;
		this.jdk = jdk;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return (httpMethod == HttpMethod.PATCH || httpMethod == HttpMethod.DELETE)
				? this.jdk.createRequest(uri, httpMethod) : this.given.createRequest(uri, httpMethod);
	}

}
