package dev.grantex.scim.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.springframework.core.io.Resource;

/**
 * Reads a directory file: the users Grantex should have, as CSV (RFC 4180), for example
 * an HR system's export.
 *
 * <pre>
 * # lines starting with # are comments; blank lines are skipped
 * userName,externalId,displayName,email,active
 * alice@example.com,hr-1001,Alice Example,alice@example.com,true
 * "bob@example.com",hr-1002,"Smith, Bob",bob@example.com,
 * </pre>
 *
 * <ul>
 * <li>The first line that is not a comment names the columns, in any order:
 * {@code userName} (required), {@code externalId}, {@code displayName}, {@code email},
 * {@code active}; other names are refused, so that a typo cannot clear an attribute for
 * everyone.</li>
 * <li>A value may be quoted, to hold commas, quotes (doubled) or line breaks; unquoted
 * values are trimmed. An empty value means none; an empty {@code active} means
 * {@code true}; {@code active} is one of {@code true}, {@code false}, {@code yes},
 * {@code no}, {@code 1}, {@code 0}.</li>
 * <li>{@code userName} and {@code externalId} must each be unique in the file.</li>
 * </ul>
 *
 * Every problem is reported with its line number, all at once, before anything is sent to
 * Grantex.
 */
public final class DirectoryFile {

	/**
	 * The columns a directory file may have.
	 */
	public static final List<String> COLUMNS = List.of("userName", "externalId", "displayName", "email", "active");

	private static final int MAX_PROBLEMS = 20;

	/**
	 * RFC 4180 with comment lines: no schema, so each record is read as an array of
	 * strings; lines starting with {@code #} and blank lines are skipped between records;
	 * spaces around unquoted values and around quotes are dropped.
	 */
	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvReadFeature.ALLOW_COMMENTS, CsvReadFeature.TRIM_SPACES)
		.build();

	private DirectoryFile() {
	}

	/**
	 * Reads a directory file in UTF-8.
	 * @param resource the file
	 * @return the users, in file order
	 * @throws DirectoryFileException if the file cannot be read or holds mistakes
	 */
	public static List<DirectoryUser> read(Resource resource) {
		String name = resource.getDescription();
		if (!resource.exists()) {
			throw new DirectoryFileException("No directory file at " + name, List.of());
		}
		try (InputStream in = resource.getInputStream()) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
		}
		catch (IOException ex) {
			throw new DirectoryFileException("Cannot read " + name + ": " + ex.getMessage(), List.of());
		}
	}

	/**
	 * Parses the text of a directory file.
	 * @param text the file's content
	 * @param name what to call the file in messages
	 * @return the users, in file order
	 * @throws DirectoryFileException if the text holds mistakes
	 */
	public static List<DirectoryUser> parse(String text, String name) {
		List<String> problems = new ArrayList<>();
		List<Row> rows = Row.split(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
		if (rows.isEmpty()) {
			problems.add("no header line: the first line must name the columns, e.g. " + String.join(",", COLUMNS));
			throw new DirectoryFileException(name, problems);
		}
		Row header = rows.get(0);
		// a header with a quoting mistake is reported as such, not as unknown columns
		Map<String, Integer> columns = header.broken() ? Map.of() : columns(header, problems);
		List<DirectoryUser> users = new ArrayList<>();
		if (problems.isEmpty()) {
			Set<String> userNames = new HashSet<>();
			Map<String, Integer> externalIds = new HashMap<>();
			for (Row row : rows.subList(1, rows.size())) {
				DirectoryUser user = user(row, header.values().size(), columns, problems);
				if (user == null) {
					continue;
				}
				if (!userNames.add(user.userName())) {
					problem(problems,
							"line " + row.line() + ": userName " + user.userName() + " appears more than once");
				}
				String externalId = user.externalId();
				if (externalId != null) {
					Integer first = externalIds.putIfAbsent(externalId, row.line());
					if (first != null) {
						problem(problems, "line " + row.line() + ": externalId " + externalId
								+ " is already used on line " + first);
					}
				}
				users.add(user);
			}
		}
		if (!problems.isEmpty()) {
			throw new DirectoryFileException(name, problems);
		}
		return users;
	}

	private static Map<String, Integer> columns(Row header, List<String> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.values().size(); i++) {
			String column = header.values().get(i);
			if (!COLUMNS.contains(column)) {
				problems.add("line " + header.line() + ": unknown column '" + column + "'; the columns are "
						+ String.join(", ", COLUMNS) + " (case matters)");
			}
			else if (columns.putIfAbsent(column, i) != null) {
				problems.add("line " + header.line() + ": column " + column + " appears twice");
			}
		}
		if (problems.isEmpty() && !columns.containsKey("userName")) {
			problems.add("line " + header.line() + ": no userName column; the first line must name the columns, e.g. "
					+ String.join(",", COLUMNS));
		}
		return columns;
	}

	private static @Nullable DirectoryUser user(Row row, int width, Map<String, Integer> columns,
			List<String> problems) {
		if (row.values().size() != width) {
			problem(problems, "line " + row.line() + ": " + row.values().size() + " values where the header has "
					+ width + " columns");
			return null;
		}
		String userName = value(row, columns, "userName");
		if (userName == null || userName.isBlank()) {
			problem(problems, "line " + row.line() + ": userName is empty");
			return null;
		}
		String active = value(row, columns, "active");
		Boolean isActive = (active != null) ? bool(active) : Boolean.TRUE;
		if (isActive == null) {
			problem(problems, "line " + row.line() + ": active is '" + active
					+ "'; use true or false (or yes, no, 1, 0), or leave it empty for true");
			return null;
		}
		return new DirectoryUser(userName, value(row, columns, "externalId"), value(row, columns, "displayName"),
				value(row, columns, "email"), isActive);
	}

	private static @Nullable String value(Row row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		if (index == null) {
			return null;
		}
		String value = row.values().get(index);
		return value.isEmpty() ? null : value;
	}

	private static @Nullable Boolean bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "1" -> Boolean.TRUE;
			case "false", "no", "0" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static void problem(List<String> problems, String problem) {
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(problem);
		}
	}

	/**
	 * One record of the file: its values, the line it starts on, and whether it holds a
	 * quoting mistake (then its values are not to be relied on).
	 */
	private record Row(int line, List<String> values, boolean broken) {

		/*
		 * Reads the records with Jackson's CSV parser, which skips comment and blank
		 * lines and reads quoted values. A quoting mistake is reported with its line, and
		 * reading goes on after it, so that the other mistakes are reported too.
		 */
		static List<Row> split(String text, List<String> problems) {
			List<Row> rows = new ArrayList<>();
			List<String> values = new ArrayList<>();
			int line = 1;
			boolean broken = false;
			long lastMistake = -1;
			try (JsonParser parser = CSV.createParser(text)) {
				while (true) {
					JsonToken token;
					try {
						token = parser.nextToken();
					}
					catch (StreamReadException ex) {
						broken = true;
						String message = String.valueOf(ex.getOriginalMessage());
						long at = parser.currentLocation().getCharOffset();
						if (message.startsWith("Unexpected character") && at > lastMistake) {
							// the parser goes on after the character
							lastMistake = at;
							problem(problems, "line " + parser.currentLocation().getLineNr()
									+ ": text after a closing quote; double a quote inside a quoted value (\"\")");
							continue;
						}
						// the parser has read to the end of the file looking for the
						// quote,
						// or cannot go on: nothing more to read
						problem(problems, "line " + line + ": " + (message.startsWith("Missing closing quote")
								? "a quoted value is never closed" : message));
						rows.add(new Row(line, List.copyOf(values), true));
						break;
					}
					if (token == null) {
						break;
					}
					switch (token) {
						case START_ARRAY -> {
							// comment and blank lines are behind: this is the record's
							// first line
							line = parser.currentLocation().getLineNr();
							values.clear();
							broken = false;
						}
						case END_ARRAY -> rows.add(new Row(line, List.copyOf(values), broken));
						default -> values.add(value(parser.getString(), text, parser.currentTokenLocation()));
					}
				}
			}
			return rows;
		}

		/*
		 * A value as read: a quoted value as it is, an unquoted one trimmed of all white
		 * space (the parser trims only ASCII spaces and control characters).
		 */
		private static String value(@Nullable String value, String text, TokenStreamLocation start) {
			if (value == null) {
				return "";
			}
			long offset = start.getCharOffset();
			boolean quoted = offset >= 0 && offset < text.length() && text.charAt((int) offset) == '"';
			return quoted ? value : value.strip();
		}

	}

}
