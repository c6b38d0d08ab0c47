package dev.grantex.scim.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The Grantex client's {@link HttpClientSettings}: {@code grantex.http.*}, each unset
 * value taken from {@code spring.http.clients.*}, and never a redirect followed.
 */
final class GrantexScimHttpSettings {

	private GrantexScimHttpSettings() {
	}

	static HttpClientSettings of(GrantexScimProperties.Http http, @Nullable HttpClientSettings applicationSettings,
			ObjectProvider<SslBundles> sslBundles) {
		// through the with-methods, which every supported Spring Boot has (4.1 deprecates
		// the constructor)
		HttpClientSettings own = HttpClientSettings.defaults()
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withTimeouts(http.connectTimeout(), http.readTimeout())
			.withSslBundle(sslBundle(http.ssl().bundle(), sslBundles));
		return own.orElse(applicationSettings).withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	private static @Nullable SslBundle sslBundle(@Nullable String name, ObjectProvider<SslBundles> sslBundles) {
		if (name == null) {
			return null;
		}
		SslBundles bundles = sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException("grantex.http.ssl.bundle is '" + name + "', but this application has no "
					+ "SSL bundles: define it under spring.ssl.bundle.*");
		}
		return bundles.getBundle(name);
	}

}
