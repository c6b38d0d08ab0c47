package dev.grantex.scim.http;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A request factory created on the first request rather than with the client: creating an
 * HTTP client loads the JDK's TLS stack and reads its trust store, which costs a cold
 * application start a few hundred milliseconds that the first call to Grantex (over
 * {@code https}, which needs them anyway) can pay instead.
 *
 * <p>
 * Thread-safe; destroying it destroys the factory it created, if any.
 */
public final class ScimLazyRequestFactory implements ClientHttpRequestFactory, DisposableBean {

	private final Supplier<? extends ClientHttpRequestFactory> supplier;

	private final Object lock = new Object();

	private volatile @Nullable ClientHttpRequestFactory factory;

	private boolean destroyed;

	/**
	 * Creates the factory.
	 * @param supplier creates the real factory, once
	 */
	public ScimLazyRequestFactory(Supplier<? extends ClientHttpRequestFactory> supplier) {
		this.supplier = supplier;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return factory().createRequest(uri, httpMethod);
	}

	private ClientHttpRequestFactory factory() {
		ClientHttpRequestFactory created = this.factory;
		if (created != null) {
			return created;
		}
		synchronized (this.lock) {
			if (this.destroyed) {
				throw new IllegalStateException("The Grantex SCIM client's HTTP client has been closed");
			}
			created = this.factory;
			if (created == null) {
				created = this.supplier.get();
				this.factory = created;
			}
			return created;
		}
	}

	@Override
	public void destroy() throws Exception {
		ClientHttpRequestFactory created;
		synchronized (this.lock) {
			this.destroyed = true;
			created = this.factory;
			this.factory = null;
		}
		if (created instanceof DisposableBean disposable) {
			disposable.destroy();
		}
		else if (created instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
