package dev.grantex.scim.sample;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how applying a plan goes, in one of three {@link Style styles}: a line per change
 * (for a log or a pipe), one line rewritten in place with a carriage return (for a
 * terminal), or both. Failures always get a line of their own, with the error.
 * Thread-safe: the threads applying changes report to it at once.
 *
 * <p>
 * The rewritten line reads, for example:
 *
 * <pre>
 *   4210/10000 changes (42%), 1652 changes/s, ETA 0:03, 1 failed
 * </pre>
 *
 * The rate is over the time since applying began; the ETA is the changes left at that
 * rate.
 */
public final class ProgressPrinter implements ChangeScheduler.Listener {

	/**
	 * How often the rewritten line is redrawn at most.
	 */
	static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final PrintStream out;

	private final Style style;

	private final int total;

	private final LongSupplier nanoTime;

	private final String counter;

	private final long startNanos;

	private int done;

	private int failed;

	private int shownLength;

	private long shownAtNanos;

	private boolean finished;

	/**
	 * Starts showing progress, as of now.
	 * @param out where to print
	 * @param style how
	 * @param total how many changes there are
	 * @param nanoTime the clock, as {@link System#nanoTime()}
	 */
	public ProgressPrinter(PrintStream out, Style style, int total, LongSupplier nanoTime) {
		this.out = out;
		this.style = style;
		this.total = total;
		this.nanoTime = nanoTime;
		this.counter = "  [%" + String.valueOf(total).length() + "d/" + total + "] ";
		this.startNanos = nanoTime.getAsLong();
		this.shownAtNanos = this.startNanos;
	}

	@Override
	public synchronized void succeeded(SyncAction action) {
		this.done++;
		if (this.style.eachChange) {
			line(pad(action.kind().pastTense()) + action.userName());
		}
		else {
			redraw(false);
		}
	}

	@Override
	public synchronized void failed(SyncAction action, String reason) {
		this.failed++;
		line(pad("FAILED") + action.userName() + ": could not " + action.kind().verb() + ": " + reason);
	}

	@Override
	public synchronized void tick() {
		redraw(false);
	}

	/**
	 * Shows the last state and ends the rewritten line; nothing is shown afterwards.
	 */
	public synchronized void finish() {
		if (this.finished) {
			return;
		}
		if (this.style.live) {
			redraw(true);
			this.out.println();
		}
		this.finished = true;
		this.out.flush();
	}

	/**
	 * The rewritten line, without the carriage return.
	 * @return e.g. {@code   4210/10000 changes (42%), 1652 changes/s, ETA 0:03, 1 failed}
	 */
	synchronized String status() {
		int finishedCount = this.done + this.failed;
		long elapsed = this.nanoTime.getAsLong() - this.startNanos;
		double perSecond = (elapsed > 0) ? finishedCount * 1e9 / elapsed : 0;
		String rate = (finishedCount > 0) ? String.format(Locale.ROOT, "%.0f changes/s", perSecond) : "- changes/s";
		String eta = (perSecond > 0) ? clock((long) Math.ceil((this.total - finishedCount) / perSecond)) : "-";
		return String.format(Locale.ROOT, "  %d/%d changes (%d%%), %s, ETA %s, %d failed", finishedCount, this.total,
				(this.total > 0) ? finishedCount * 100L / this.total : 100, rate, eta, this.failed);
	}

	private void line(String text) {
		if (this.finished) {
			return;
		}
		int index = this.done + this.failed;
		String line = String.format(Locale.ROOT, this.counter, index) + text;
		if (this.style.live && this.shownLength > 0) {
			// clear the rewritten line, print this one in its place, and draw it again
			// below
			this.out.print("\r" + " ".repeat(this.shownLength) + "\r");
			this.shownLength = 0;
		}
		this.out.println(line);
		if (this.style.live) {
			redraw(true);
		}
	}

	private void redraw(boolean now) {
		if (!this.style.live || this.finished) {
			return;
		}
		long at = this.nanoTime.getAsLong();
		if (!now && at - this.shownAtNanos < REDRAW_NANOS) {
			return;
		}
		String status = status();
		// spaces over whatever the last, longer line left
		String blank = " ".repeat(Math.max(0, this.shownLength - status.length()));
		this.out.print("\r" + status + blank);
		this.out.flush();
		this.shownLength = status.length();
		this.shownAtNanos = at;
	}

	private static String pad(String word) {
		return word + " ".repeat(Math.max(1, 12 - word.length()));
	}

	private static String clock(long seconds) {
		long hours = seconds / 3600;
		long minutes = (seconds % 3600) / 60;
		long secs = seconds % 60;
		return (hours > 0) ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
				: String.format(Locale.ROOT, "%d:%02d", minutes, secs);
	}

	/**
	 * How progress is shown.
	 */
	public enum Style {

		/**
		 * A line per change, as it is made: for output that is not a terminal.
		 */
		LINES(true, false),

		/**
		 * One line rewritten in place: for a terminal. Failures still get a line each.
		 */
		LIVE(false, true),

		/**
		 * A line per change, and the rewritten line below them: for a terminal with
		 * {@code --verbose}.
		 */
		LIVE_AND_LINES(true, true);

		private final boolean eachChange;

		private final boolean live;

		Style(boolean eachChange, boolean live) {
			this.eachChange = eachChange;
			this.live = live;
		}

		/**
		 * Chooses the style.
		 * @param terminal whether the output is a terminal
		 * @param verbose whether a line per change is asked for
		 * @return the style
		 */
		public static Style of(boolean terminal, boolean verbose) {
			if (!terminal) {
				return LINES;
			}
			return verbose ? LIVE_AND_LINES : LIVE;
		}

	}

}
