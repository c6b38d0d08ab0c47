package dev.grantex.scim.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bodies held to the read timeout, by one thread that is there only while bodies are
 * read.
 */
class BodyDeadlinesTests {

	private final BodyDeadlines deadlines = new BodyDeadlines(Duration.ofMillis(10), 5);

	@Test
	void aBodyReadInTimeIsReadWholeAndForgotten() throws IOException {
		InputStream body = this.deadlines.watch(stream("{\"id\":\"u1\"}"), System.nanoTime() + seconds(5),
				Duration.ofSeconds(5));

		assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"u1\"}");
		assertThat(this.deadlines.watching()).isZero();
	}

	@Test
	void aBodyThatStallsPastItsDeadlineFailsWithATimeout() throws IOException {
		InputStream body = this.deadlines.watch(new StallingBody(), System.nanoTime() + millis(100),
				Duration.ofMillis(100));

		assertThat(body.read()).isEqualTo('{');
		// nothing more arrives: the read blocks until the deadline closes the body under
		// it
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(body::read)
			.withMessage("the body of the answer was not read within the read timeout of 100 ms");
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(body::read);
		assertThat(this.deadlines.watching()).isZero();
	}

	@Test
	void aClosedBodyIsForgotten() throws IOException {
		InputStream body = this.deadlines.watch(stream("{}"), System.nanoTime() + seconds(5), Duration.ofSeconds(5));
		assertThat(this.deadlines.watching()).isOne();

		body.close();

		assertThat(this.deadlines.watching()).isZero();
	}

	@Test
	void theThreadEndsWhenNoBodyIsWatchedAndStartsAgainForTheNext() throws IOException {
		this.deadlines.watch(stream("{}"), System.nanoTime() + seconds(5), Duration.ofSeconds(5)).close();
		long giveUp = System.nanoTime() + seconds(5);
		while (this.deadlines.running() && System.nanoTime() < giveUp) {
			Thread.onSpinWait();
		}
		assertThat(this.deadlines.running()).isFalse();

		InputStream next = this.deadlines.watch(stream("{}"), System.nanoTime() + seconds(5), Duration.ofSeconds(5));

		assertThat(this.deadlines.running()).isTrue();
		next.close();
	}

	/**
	 * One byte, then nothing until closed, then the end: how the JDK client's body stream
	 * behaves when the rest of an answer never comes and another thread closes it.
	 */
	private static final class StallingBody extends InputStream {

		private final CountDownLatch closed = new CountDownLatch(1);

		private boolean sentFirst;

		@Override
		public int read() throws IOException {
			if (!this.sentFirst) {
				this.sentFirst = true;
				return '{';
			}
			try {
				this.closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			return -1;
		}

		@Override
		public void close() {
			this.closed.countDown();
		}

	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static long seconds(long seconds) {
		return Duration.ofSeconds(seconds).toNanos();
	}

	private static long millis(long millis) {
		return Duration.ofMillis(millis).toNanos();
	}

}
