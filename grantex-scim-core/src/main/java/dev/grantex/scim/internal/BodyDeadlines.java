package dev.grantex.scim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Holds response bodies to the read timeout. The JDK client's request timeout ends when
 * the head of the answer arrives, so a body that stalls after it would block its reader
 * for ever.
 *
 * <p>
 * One daemon thread looks over the bodies being read every {@code tick} and closes those
 * past their deadline, which makes their reader fail with an
 * {@link HttpTimeoutException}; a stall is therefore noticed up to one tick after the
 * deadline. Watching a body costs a set insertion and never wakes a thread, where a timer
 * per request (as Spring's JDK factory schedules) wakes the timer thread on every call.
 * The thread starts with the first body and ends once none has been watched for a while
 * (ten seconds for the shared instance), so an idle client holds no thread.
 */
final class BodyDeadlines {

	/** Shared by every client in the JVM: one thread, whatever the number of clients. */
	static final BodyDeadlines SHARED = new BodyDeadlines(Duration.ofMillis(50), 200);

	private final long tickNanos;

	private final int idleTicks;

	private final Set<WatchedBody> watched = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean running = new AtomicBoolean();

	/**
	 * @param tick how often the bodies being read are looked over
	 * @param idleTicks after how many ticks without a body to watch the thread ends
	 */
	BodyDeadlines(Duration tick, int idleTicks) {
		this.tickNanos = tick.toNanos();
		this.idleTicks = idleTicks;
	}

	/**
	 * Watches a body until it is read to its end or closed.
	 * @param body the body as the JDK client gives it
	 * @param deadline the {@link System#nanoTime()} by which it must be read
	 * @param readTimeout the timeout the deadline comes from, for the message
	 * @return the body to read
	 */
	InputStream watch(InputStream body, long deadline, Duration readTimeout) {
		WatchedBody watchedBody = new WatchedBody(body, deadline, readTimeout);
		this.watched.add(watchedBody);
		if (!this.running.get() && this.running.compareAndSet(false, true)) {
			Thread watcher = new Thread(this::watchUntilIdle, "grantex-scim-read-timeout");
			watcher.setDaemon(true);
			watcher.start();
		}
		return watchedBody;
	}

	/** How many bodies are being watched; for tests. */
	int watching() {
		return this.watched.size();
	}

	/** Whether the watching thread is running; for tests. */
	boolean running() {
		return this.running.get();
	}

	private void watchUntilIdle() {
		int idle = 0;
		while (true) {
			LockSupport.parkNanos(this, this.tickNanos);
			if (this.watched.isEmpty()) {
				if (++idle < this.idleTicks) {
					continue;
				}
				this.running.set(false);
				// a body watched after the check above would otherwise find the flag
				// still set and start no thread
				if (this.watched.isEmpty() || !this.running.compareAndSet(false, true)) {
					return;
				}
			}
			idle = 0;
			long now = System.nanoTime();
			for (WatchedBody body : this.watched) {
				if (now - body.deadline >= 0) {
					body.expire();
				}
			}
		}
	}

	/**
	 * A body that fails with a timeout once its deadline has passed; forgotten when read
	 * to its end or closed.
	 */
	private final class WatchedBody extends InputStream {

		private final InputStream body;

		private final long deadline;

		private final Duration readTimeout;

		private volatile boolean expired;

		WatchedBody(InputStream body, long deadline, Duration readTimeout) {
			this.body = body;
			this.deadline = deadline;
			this.readTimeout = readTimeout;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.expired) {
				throw timedOut(null);
			}
			int read;
			try {
				read = this.body.read(buffer, offset, length);
			}
			catch (IOException ex) {
				forget();
				throw this.expired ? timedOut(ex) : ex;
			}
			if (read < 0) {
				forget();
				if (this.expired) {
					// closing the body to stop the wait reads as its end
					throw timedOut(null);
				}
			}
			return read;
		}

		@Override
		public int available() throws IOException {
			return this.body.available();
		}

		@Override
		public void close() throws IOException {
			forget();
			this.body.close();
		}

		void expire() {
			this.expired = true;
			forget();
			try {
				this.body.close();
			}
			catch (IOException ex) {
				// the reader fails with the timeout either way
			}
		}

		private void forget() {
			BodyDeadlines.this.watched.remove(this);
		}

		private HttpTimeoutException timedOut(@Nullable IOException cause) {
			HttpTimeoutException timeout = new HttpTimeoutException("the body of the answer was not read within the "
					+ "read timeout of " + this.readTimeout.toMillis() + " ms");
			if (cause != null) {
				timeout.initCause(cause);
			}
			return timeout;
		}

	}

}
