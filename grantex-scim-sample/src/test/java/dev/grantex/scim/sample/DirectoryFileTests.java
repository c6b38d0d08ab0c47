package dev.grantex.scim.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading directory files: the CSV dialect, and mistakes reported with their line numbers
 * before anything is sent.
 */
class DirectoryFileTests {

	@Test
	void readsQuotedValuesCommentsBlankLinesAnyColumnOrderAndCrLf() {
		String csv = "\uFEFF# an HR export\r\n\r\nemail,userName,active,displayName,externalId\r\n"
				+ "ada@example.com, ada ,yes,\"Lovelace, Ada\",e1\r\n"
				+ "\"\",\"bob\",0,\"Bob \"\"the builder\"\"\nSmith\",\r\n" + "carol@example.com,carol,,,e3";

		assertThat(DirectoryFile.parse(csv, "hr.csv")).containsExactly(
				new DirectoryUser("ada", "e1", "Lovelace, Ada", "ada@example.com", true),
				new DirectoryUser("bob", null, "Bob \"the builder\"\nSmith", null, false),
				new DirectoryUser("carol", "e3", null, "carol@example.com", true));
	}

	@Test
	void onlyUserNameIsRequired() {
		assertThat(DirectoryFile.parse("userName\nada\n", "names.csv"))
			.containsExactly(new DirectoryUser("ada", null, null, null, true));
	}

	@Test
	void theShippedSampleFilesAreValid() {
		assertThat(DirectoryFile.read(new ClassPathResource("directory.csv"))).hasSize(8);
		assertThat(DirectoryFile.read(new ClassPathResource(EmbeddedGrantex.SEED_FILE))).hasSize(6);
	}

	@Test
	void aMissingFileIsNamed() {
		assertThatExceptionOfType(DirectoryFileException.class)
			.isThrownBy(() -> DirectoryFile.read(new FileSystemResource("no/such/hr.csv")))
			.withMessageStartingWith("No directory file at file [")
			.withMessageContaining("hr.csv");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no header                 | '# only a comment'                                 | no header line
					unknown column            | 'userName,displayname\\nada,Ada'                    | line 1: unknown column 'displayname'
					no userName column        | 'email\\nada@example.com'                           | line 1: no userName column
					column twice              | 'userName,email,email\\nada,a,b'                    | line 1: column email appears twice
					empty userName            | 'userName,email\\n,ada@example.com'                 | line 2: userName is empty
					blank quoted userName     | 'userName,email\\n"  ",ada@example.com'             | line 2: userName is empty
					unclosed in the header    | '"userName,email\\nada,a'                          | line 1: a quoted value is never closed
					too few values            | 'userName,email\\nada'                              | line 2: 1 values where the header has 2 columns
					bad active                | 'userName,active\\nada,maybe'                       | line 2: active is 'maybe'
					duplicate userName        | 'userName\\nada\\nbob\\nada'                         | line 4: userName ada appears more than once
					duplicate externalId      | 'userName,externalId\\nada,e1\\n# x\\nbob,e1'         | line 4: externalId e1 is already used on line 2
					unclosed quote            | 'userName\\\n"ada'                                   | line 2: a quoted value is never closed
					text after closing quote  | 'userName\\n"ada"x'                                 | line 2: text after a closing quote
					""")
	void mistakesAreReportedWithTheirLine(String mistake, String csv, String problem) {
		assertThatExceptionOfType(DirectoryFileException.class)
			.isThrownBy(() -> DirectoryFile.parse(csv.replace("\\n", "\n"), "hr.csv"))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((p) -> assertThat(p).startsWith(problem)))
			.withMessageStartingWith("hr.csv cannot be used:");
	}

	@Test
	void trimsUnquotedValuesOfAllWhiteSpaceAndKeepsQuotedOnesAsTheyAre() {
		String csv = "userName,displayName,email\n \u3000ada\t , \"  Ada  \" ,\tada@example.com\u2003\n";

		assertThat(DirectoryFile.parse(csv, "hr.csv"))
			.containsExactly(new DirectoryUser("ada", null, "  Ada  ", "ada@example.com", true));
	}

	@Test
	void anEmptyFileHasNoHeaderAndAHeaderAloneHasNoUsers() {
		assertThatExceptionOfType(DirectoryFileException.class).isThrownBy(() -> DirectoryFile.parse("", "hr.csv"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().asString().startsWith("no header line"));
		assertThat(DirectoryFile.parse("# the header only\nuserName,email\n", "hr.csv")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					after comments and blank lines | '# a\\n\\nuserName,active\\n# b\\n\\n  \\nada,maybe\\n'                      | line 7: active is 'maybe'
					after a quoted line break      | 'userName,displayName\\n"ada","Ada\\nLovelace"\\n,x\\n'                  | line 4: userName is empty
					after a quoted CR LF           | 'userName,displayName\\r\\n"ada","Ada\\r\\nLovelace"\\r\\n,x\\r\\n'          | line 4: userName is empty
					a record spanning lines        | 'userName,displayName\\nada,"Ada\\nLovelace",x\\n'                       | line 2: 3 values where the header has 2 columns
					unclosed after a line break    | 'userName,displayName,email\\n"ada","Ada\\nLovelace","ada@\\n'           | line 2: a quoted value is never closed
					text after a quote, then more  | 'userName,active\\n"a\\nda"x,true\\nbob,maybe\\n'                          | line 3: text after a closing quote
					""")
	void lineNumbersCountEveryLineOfTheFile(String mistake, String csv, String problem) {
		assertThatExceptionOfType(DirectoryFileException.class)
			.isThrownBy(() -> DirectoryFile.parse(csv.replace("\\r", "\r").replace("\\n", "\n"), "hr.csv"))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((p) -> assertThat(p).startsWith(problem)));
	}

	@Test
	void everyQuotingMistakeIsReportedAtOnce() {
		assertThatExceptionOfType(DirectoryFileException.class)
			.isThrownBy(() -> DirectoryFile.parse("userName,active\n\"ada\"x,true\nbob,\n\"carol\" y,\n", "hr.csv"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"line 2: text after a closing quote; double a quote inside a quoted value (\"\")",
					"line 4: text after a closing quote; double a quote inside a quoted value (\"\")"));
	}

	@Test
	void everyMistakeIsReportedAtOnce() {
		assertThatExceptionOfType(DirectoryFileException.class)
			.isThrownBy(() -> DirectoryFile.parse("userName,active\n,true\nada,perhaps\nbob\n", "hr.csv"))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3));
	}

}
