package dev.grantex.scim.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.grantex.scim.sample.ProgressPrinter.Style;
import dev.grantex.scim.sample.SyncAction.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the progress looks like in each style, on a clock the test moves, without a
 * terminal: the rewritten line is text with carriage returns.
 */
class ProgressPrinterTests {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.printed, true, StandardCharsets.UTF_8);

	private long now = TimeUnit.SECONDS.toNanos(1000);

	@Test
	void onATerminalOneLineIsRewrittenAndFailuresGetALineOfTheirOwn() {
		ProgressPrinter progress = new ProgressPrinter(this.out, Style.LIVE, 4, () -> this.now);

		progress.tick();
		assertThat(printed()).as("nothing to show before the first redraw interval").isEmpty();
		this.now += TimeUnit.MILLISECONDS.toNanos(500);
		progress.succeeded(create("ada"));
		this.now += TimeUnit.MILLISECONDS.toNanos(500);
		progress.succeeded(create("bob"));
		progress.failed(create("carol"), "Grantex failed on POST /scim/v2/Users (500)");
		this.now += TimeUnit.MILLISECONDS.toNanos(500);
		progress.tick();
		progress.succeeded(create("dave"));
		progress.finish();
		progress.succeeded(create("erin"));

		String line1 = "  1/4 changes (25%), 2 changes/s, ETA 0:02, 0 failed";
		String line2 = "  2/4 changes (50%), 2 changes/s, ETA 0:01, 0 failed";
		String failure = "  [3/4] FAILED      carol: could not create: Grantex failed on POST /scim/v2/Users (500)";
		String line3 = "  3/4 changes (75%), 3 changes/s, ETA 0:01, 1 failed";
		String line4 = "  3/4 changes (75%), 2 changes/s, ETA 0:01, 1 failed";
		String last = "  4/4 changes (100%), 3 changes/s, ETA 0:00, 1 failed";
		assertThat(printed()).isEqualTo("\r" + line1 + "\r" + line2 + "\r" + " ".repeat(line2.length()) + "\r" + failure
				+ "\n\r" + line3 + "\r" + line4 + "\r" + last + "\n");
	}

	@Test
	void withoutATerminalEachChangeGetsALine() {
		ProgressPrinter progress = new ProgressPrinter(this.out, Style.LINES, 12, () -> this.now);

		progress.succeeded(create("ada"));
		progress.tick();
		progress.failed(new SyncAction(Kind.DEACTIVATE, "bob", null, "u1", "bob", null, List.of(), null), "503");
		progress.finish();

		assertThat(printed())
			.isEqualTo("  [ 1/12] created     ada\n" + "  [ 2/12] FAILED      bob: could not deactivate: 503\n");
	}

	@Test
	void verboseOnATerminalPrintsEachChangeAboveTheRewrittenLine() {
		ProgressPrinter progress = new ProgressPrinter(this.out, Style.LIVE_AND_LINES, 2, () -> this.now);

		this.now += TimeUnit.SECONDS.toNanos(1);
		progress.succeeded(create("ada"));
		this.now += TimeUnit.SECONDS.toNanos(1);
		progress.succeeded(create("bob"));
		progress.finish();

		String line1 = "  1/2 changes (50%), 1 changes/s, ETA 0:01, 0 failed";
		String line2 = "  2/2 changes (100%), 1 changes/s, ETA 0:00, 0 failed";
		assertThat(printed()).isEqualTo("  [1/2] created     ada\n\r" + line1 + "\r" + " ".repeat(line1.length())
				+ "\r  [2/2] created     bob\n\r" + line2 + "\r" + line2 + "\n");
	}

	@Test
	void theStyleFollowsTheTerminalAndVerbose() {
		assertThat(Style.of(false, false)).isEqualTo(Style.LINES);
		assertThat(Style.of(false, true)).isEqualTo(Style.LINES);
		assertThat(Style.of(true, false)).isEqualTo(Style.LIVE);
		assertThat(Style.of(true, true)).isEqualTo(Style.LIVE_AND_LINES);
	}

	@Test
	void longRunsShowHoursInTheEta() {
		ProgressPrinter progress = new ProgressPrinter(this.out, Style.LIVE, 100_000, () -> this.now);
		this.now += TimeUnit.SECONDS.toNanos(1);
		progress.succeeded(create("ada"));

		assertThat(progress.status()).isEqualTo("  1/100000 changes (0%), 1 changes/s, ETA 27:46:39, 0 failed");
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

	private static SyncAction create(String userName) {
		return new SyncAction(Kind.CREATE, userName, null, null, null,
				new DirectoryUser(userName, null, null, null, true), List.of(), null);
	}

}
