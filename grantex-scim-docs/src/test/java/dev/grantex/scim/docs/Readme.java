package dev.grantex.scim.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The README as the tests read it: its fenced code blocks, each with the snippet marker
 * that precedes it, if any, and the tagged regions of source files that markers point to.
 *
 * <p>
 * A marker is an HTML comment on the line right before the opening fence, naming a file
 * relative to the project's root and a tag in it:
 * {@code <!-- snippet: grantex-scim-docs/src/main/java/.../Provisioning.java#provisioning -->}.
 * The region is the lines between {@code tag::provisioning[]} and
 * {@code end::provisioning[]} (in a {@code //} or {@code #} comment). Both the block and
 * the region are compared normalized: tabs as four spaces, trailing whitespace removed,
 * the indentation all lines share removed, and leading and trailing blank lines dropped.
 */
final class Readme {

	/** The project's root: the tests run in the module's directory. */
	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path FILE = ROOT.resolve("README.md");

	private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([A-Za-z0-9-]+) -->$");

	private static final Pattern TAG_LINE = Pattern.compile(".*\\b(?:tag|end)::[A-Za-z0-9-]+\\[].*");

	private final List<String> lines;

	private Readme(List<String> lines) {
		this.lines = lines;
	}

	static Readme read() {
		return new Readme(readLines(FILE));
	}

	List<String> lines() {
		return this.lines;
	}

	/**
	 * The fenced code blocks, in order.
	 * @return the blocks
	 */
	List<Block> blocks() {
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			if (!line.startsWith("```")) {
				continue;
			}
			String language = line.substring(3).strip();
			int start = i;
			List<String> content = new ArrayList<>();
			for (i++; i < this.lines.size() && !this.lines.get(i).startsWith("```"); i++) {
				content.add(this.lines.get(i));
			}
			if (i == this.lines.size()) {
				throw new IllegalStateException("README.md line " + (start + 1) + ": a code block is never closed");
			}
			Marker marker = (start > 0) ? Marker.parse(this.lines.get(start - 1)) : null;
			blocks.add(new Block(start + 1, language, normalized(content), marker));
		}
		return blocks;
	}

	/**
	 * The region of a file between {@code tag::name[]} and {@code end::name[]}, without
	 * the lines of other tags inside it, normalized.
	 * @param marker the file and tag
	 * @return the region
	 * @throws IllegalStateException if the file or the tag does not exist
	 */
	static String region(Marker marker) {
		Path file = ROOT.resolve(marker.path());
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("No file " + marker.path() + " in the project");
		}
		List<String> source = readLines(file);
		int start = -1;
		int end = -1;
		for (int i = 0; i < source.size(); i++) {
			if (source.get(i).contains("tag::" + marker.tag() + "[]") && start < 0) {
				start = i;
			}
			else if (source.get(i).contains("end::" + marker.tag() + "[]") && start >= 0) {
				end = i;
				break;
			}
		}
		if (start < 0 || end < 0) {
			throw new IllegalStateException(
					"No region tag::" + marker.tag() + "[] ... end::" + marker.tag() + "[] in " + marker.path());
		}
		List<String> region = new ArrayList<>();
		for (String line : source.subList(start + 1, end)) {
			if (!TAG_LINE.matcher(line).matches()) {
				region.add(line);
			}
		}
		return normalized(region);
	}

	static String normalized(List<String> lines) {
		List<String> result = new ArrayList<>(lines.size());
		int indent = Integer.MAX_VALUE;
		for (String line : lines) {
			String expanded = line.replace("\t", "    ").stripTrailing();
			result.add(expanded);
			if (!expanded.isEmpty()) {
				indent = Math.min(indent, expanded.length() - expanded.stripLeading().length());
			}
		}
		while (!result.isEmpty() && result.get(0).isEmpty()) {
			result.remove(0);
		}
		while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
			result.remove(result.size() - 1);
		}
		int shared = (indent == Integer.MAX_VALUE) ? 0 : indent;
		List<String> dedented = new ArrayList<>(result.size());
		for (String line : result) {
			dedented.add(line.isEmpty() ? line : line.substring(shared));
		}
		return String.join("\n", dedented);
	}

	static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fenced code block.
	 *
	 * @param line the line of its opening fence, from 1
	 * @param language what follows the opening fence, e.g. {@code java}
	 * @param content its lines, normalized
	 * @param marker the snippet marker on the line before it, or {@code null}
	 */
	record Block(int line, String language, String content, @Nullable Marker marker) {
	}

	/**
	 * A snippet marker: where a block's code comes from.
	 *
	 * @param path the file, relative to the project's root
	 * @param tag the tag of the region
	 */
	record Marker(String path, String tag) {

		static @Nullable Marker parse(String line) {
			Matcher matcher = MARKER.matcher(line.strip());
			return matcher.matches() ? new Marker(matcher.group(1), matcher.group(2)) : null;
		}

		@Override
		public String toString() {
			return this.path + "#" + this.tag;
		}

	}

}
