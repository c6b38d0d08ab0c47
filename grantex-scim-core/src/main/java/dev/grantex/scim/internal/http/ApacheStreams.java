package dev.grantex.scim.internal.http;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * Apache HttpClient's way to drop a connection without reading the rest of the body:
 * closing its stream reads to the end, for reuse. Loaded only when Apache HttpClient is
 * on the class path.
 */
final class ApacheStreams {

	private ApacheStreams() {
	}

	/**
	 * Aborts the stream if it is Apache HttpClient's.
	 * @param in the body stream
	 * @return whether it was, and is now aborted
	 */
	static boolean abort(InputStream in) {
		if (in instanceof EofSensorInputStream stream) {
			try {
				stream.abort();
			}
			catch (IOException ex) {
				// the connection is dropped either way
			}
			return true;
		}
		return false;
	}

}
