package dev.grantex.scim.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import dev.grantex.scim.error.ScimTransportException;

/**
 * What kind of transport failure an exception is, whichever HTTP client threw it: the
 * JDK's, Apache HttpClient 5 or {@code HttpURLConnection}, each wrapped by Spring. The
 * kind decides whether the request may have reached Grantex, and so whether it may be
 * retried.
 */
final class TransportFailures {

	private TransportFailures() {
	}

	static ScimTransportException.Kind classify(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof HttpConnectTimeoutException || isConnectTimeout(t)) {
				return ScimTransportException.Kind.CONNECT_TIMEOUT;
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException
					|| t instanceof NoRouteToHostException) {
				return ScimTransportException.Kind.CONNECT_REFUSED;
			}
			if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
				return ScimTransportException.Kind.READ_TIMEOUT;
			}
		}
		return ScimTransportException.Kind.CONNECTION_RESET;
	}

	/*
	 * A connect timeout of Apache HttpClient (its own type, not on the class path here)
	 * or of {@code HttpURLConnection} (a socket timeout saying so).
	 */
	private static boolean isConnectTimeout(Throwable t) {
		return (t instanceof InterruptedIOException && t.getClass().getName().endsWith(".ConnectTimeoutException"))
				|| (t instanceof SocketTimeoutException && t.getMessage() != null
						&& t.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out"));
	}

	/* The outermost I/O exception: the one that names the failure. */
	static Throwable ioCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof IOException) {
				return t;
			}
		}
		return failure;
	}

}
