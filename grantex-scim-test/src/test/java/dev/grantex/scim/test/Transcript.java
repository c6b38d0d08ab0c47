package dev.grantex.scim.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Reads {@code grantex-scim-observed-transcript.md}: each {@code ###} entry holds one
 * curl command and the real server's raw response. The curl command line is turned back
 * into the request it sent (method, target, headers, body), so tests can replay it.
 */
final class Transcript {

	static final String RESOURCE = "/grantex-scim-observed-transcript.md";

	private Transcript() {
	}

	/**
	 * The entries that are a curl command with a complete HTTP response, in recording
	 * order.
	 */
	static List<Entry> load() {
		try (InputStream in = Transcript.class.getResourceAsStream(RESOURCE)) {
			Objects.requireNonNull(in, RESOURCE + " is missing from the test resources");
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Entry> parse(String markdown) {
		List<Entry> entries = new ArrayList<>();
		String[] lines = markdown.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (!lines[i].startsWith("### ")) {
				continue;
			}
			String title = lines[i].substring(4).trim();
			int fence = i + 1;
			if (fence + 2 >= lines.length || !lines[fence].equals("```") || !lines[fence + 1].startsWith("$ curl ")
					|| !lines[fence + 2].startsWith("HTTP/1.1 ")) {
				continue;
			}
			int line = fence + 2;
			int status = Integer.parseInt(lines[line].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			line++;
			while (!lines[line].isEmpty()) {
				int colon = lines[line].indexOf(':');
				headers.put(lines[line].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[line].substring(colon + 1).trim());
				line++;
			}
			line++;
			StringBuilder body = new StringBuilder();
			while (!lines[line].equals("```")) {
				body.append(lines[line]).append('\n');
				line++;
			}
			entries.add(fromCurl(title, lines[fence + 1].substring(2), status, headers, body.toString().strip()));
			i = line;
		}
		return entries;
	}

	private static Entry fromCurl(String title, String commandLine, int status, Map<String, String> responseHeaders,
			String responseBody) {
		List<String> words = shellWords(commandLine);
		String method = null;
		String target = null;
		List<Header> headers = new ArrayList<>();
		byte[] body = null;
		boolean head = false;
		for (int w = 1; w < words.size(); w++) {
			String word = words.get(w);
			switch (word) {
				case "-X" -> method = words.get(++w);
				case "-H" -> {
					String header = words.get(++w);
					int colon = header.indexOf(':');
					String value = header.substring(colon + 1);
					headers.add(
							new Header(header.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
				}
				case "-d", "--data-binary" -> body = words.get(++w).getBytes(StandardCharsets.UTF_8);
				case "-u" -> headers.add(new Header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString(words.get(++w).getBytes(StandardCharsets.UTF_8))));
				case "-I" -> head = true;
				case "-o", "-w" -> w++;
				default -> {
					if (!word.startsWith("$BASE")) {
						throw new IllegalArgumentException("Unexpected curl argument '" + word + "' in: " + title);
					}
					target = word.substring("$BASE".length());
				}
			}
		}
		if (body != null && headers.stream().noneMatch((h) -> h.name().equalsIgnoreCase("Content-Type"))) {
			headers.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
		}
		if (method == null) {
			method = head ? "HEAD" : (body != null) ? "POST" : "GET";
		}
		return new Entry(title, method, Objects.requireNonNull(target, "no URL in " + title), List.copyOf(headers),
				body, status, responseHeaders, responseBody);
	}

	/**
	 * POSIX shell word splitting with backslash escapes and single quotes, which is all
	 * the transcript uses.
	 */
	static List<String> shellWords(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\' && i + 1 < line.length()) {
				word.append(line.charAt(++i));
				inWord = true;
			}
			else if (c == '\'') {
				int end = line.indexOf('\'', i + 1);
				word.append(line, i + 1, end);
				i = end;
				inWord = true;
			}
			else if (c == ' ') {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	/** A request header as curl sent it. */
	record Header(String name, String value) {
	}

	/** One recorded exchange. */
	record Entry(String title, String method, String target, List<Header> requestHeaders, byte @Nullable [] requestBody,
			int status, Map<String, String> responseHeaders, String responseBody) {

		@Nullable String responseHeader(String name) {
			return this.responseHeaders.get(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public String toString() {
			return this.title;
		}
	}

}
