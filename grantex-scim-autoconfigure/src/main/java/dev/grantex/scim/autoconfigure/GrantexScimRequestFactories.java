package dev.grantex.scim.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties.Factory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

import dev.grantex.scim.http.ScimApacheHttpClient;
import dev.grantex.scim.http.ScimJdkHttpClient;

/**
 * Builds the Grantex client's request factory with Spring Boot's builders, so that
 * {@code grantex.http.*} and {@code spring.http.clients.*} (SSL bundles included) apply,
 * set up for Grantex by the same methods as the core's own default: never following a
 * redirect, the JDK's client speaking HTTP/1.1.
 */
final class GrantexScimRequestFactories {

	private GrantexScimRequestFactories() {
	}

	/*
	 * Which factory to use: {@code grantex.http.factory}, else {@code
	 * spring.http.clients.imperative.factory}, else Apache HttpClient 5 when present (the
	 * starter brings it), else the JDK's HttpClient.
	 */
	static Factory kind(@Nullable Factory grantex, @Nullable Factory spring, @Nullable ClassLoader classLoader) {
		Factory kind = (grantex != null) ? grantex : spring;
		if (kind == null) {
			return isPresent(Factory.HTTP_COMPONENTS, classLoader) ? Factory.HTTP_COMPONENTS : Factory.JDK;
		}
		if (!isPresent(kind, classLoader)) {
			throw new GrantexScimHttpClientMissingException(
					(grantex != null) ? "grantex.http.factory" : "spring.http.clients.imperative.factory",
					kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), library(kind), artifact(kind));
		}
		return kind;
	}

	/*
	 * Creates the factory; called on the first request.
	 */
	static ClientHttpRequestFactory create(Factory kind, HttpClientSettings settings, int maxConnections) {
		HttpClientSettings noRedirects = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		return switch (kind) {
			case HTTP_COMPONENTS -> ClientHttpRequestFactoryBuilder.httpComponents()
				.withHttpClientCustomizer(ScimApacheHttpClient::configure)
				.withConnectionManagerCustomizer((pool) -> ScimApacheHttpClient.configure(pool, maxConnections))
				.withConnectionConfigCustomizer(ScimApacheHttpClient::configure)
				.build(noRedirects);
			case JDK -> jdk(noRedirects);
			// HttpURLConnection cannot send PATCH, and sends DELETE with a content type
			// Grantex refuses: those two go through the JDK's client, with the same
			// settings
			case SIMPLE -> new MethodRoutingRequestFactory(ClientHttpRequestFactoryBuilder.simple().build(noRedirects),
					jdk(noRedirects));
			case JETTY -> ClientHttpRequestFactoryBuilder.jetty().build(noRedirects);
			case REACTOR -> ClientHttpRequestFactoryBuilder.reactor().build(noRedirects);
		};
	}

	private static ClientHttpRequestFactory jdk(HttpClientSettings settings) {
		return ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> ScimJdkHttpClient.configure(client))
			.withCustomizer(ScimJdkHttpClient::configure)
			.build(settings);
	}

	private static boolean isPresent(Factory kind, @Nullable ClassLoader classLoader) {
		return switch (kind) {
			case HTTP_COMPONENTS ->
				ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", classLoader);
			case JETTY -> ClassUtils.isPresent("org.eclipse.jetty.client.HttpClient", classLoader);
			case REACTOR -> ClassUtils.isPresent("reactor.netty.http.client.HttpClient", classLoader);
			case JDK, SIMPLE -> true;
		};
	}

	private static String library(Factory kind) {
		return switch (kind) {
			case HTTP_COMPONENTS -> "Apache HttpClient 5";
			case JETTY -> "Jetty's client";
			case REACTOR -> "Reactor Netty";
			case JDK, SIMPLE -> "the JDK";
		};
	}

	private static String artifact(Factory kind) {
		return switch (kind) {
			case HTTP_COMPONENTS -> "org.apache.httpcomponents.client5:httpclient5";
			case JETTY -> "org.eclipse.jetty:jetty-client";
			case REACTOR -> "io.projectreactor.netty:reactor-netty-http";
			case JDK, SIMPLE -> "the JDK";
		};
	}

}
