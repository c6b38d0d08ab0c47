package dev.grantex.scim.sample;

import java.util.List;

/**
 * A directory file that cannot be read, or holds mistakes; nothing has been sent to
 * Grantex.
 */
public class DirectoryFileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	@SuppressWarnings("serial") // an unmodifiable List.copyOf of strings, which
								// serializes
	private final List<String> problems;

	/**
	 * Creates the exception.
	 * @param file the file, or the whole message when there are no problems to list
	 * @param problems what is wrong, each naming its line
	 */
	public DirectoryFileException(String file, List<String> problems) {
		super(problems.isEmpty() ? file : file + " cannot be used:" + System.lineSeparator() + "  "
				+ String.join(System.lineSeparator() + "  ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * What is wrong with the file.
	 * @return the problems, each naming its line
	 */
	public List<String> problems() {
		return this.problems;
	}

}
