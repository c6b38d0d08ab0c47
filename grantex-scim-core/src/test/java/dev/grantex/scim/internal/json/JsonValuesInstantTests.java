package dev.grantex.scim.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Instants are read as {@link Instant#parse} reads them: Grantex's own form without
 * {@code DateTimeFormatter}, every other form through it.
 */
class JsonValuesInstantTests {

	@Test
	void readsGrantexsFormAsInstantParseDoesForInstantsAcrossSixCenturiesAndEveryFractionLength() {
		Random random = new Random(12);
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-8_000_000_000L, 12_000_000_000L),
					random.nextInt(1_000_000_000));
			int digits = random.nextInt(10);
			String pattern = "uuuu-MM-dd'T'HH:mm:ss" + ((digits > 0) ? "." + "S".repeat(digits) : "") + "'Z'";
			String text = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);

			assertThat(JsonValues.utc(text)).as(text).isNotNull().isEqualTo(Instant.parse(text));
			assertThat(JsonValues.instant(text, "meta.created")).as(text).isEqualTo(Instant.parse(text));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-02-29T23:59:59.999Z", "2026-03-01T12:00:00.000Z", "2026-03-01T12:00:00Z",
			"2026-03-01T12:00:00.5Z", "2026-03-01T12:00:00.123456789Z", "0000-01-01T00:00:00Z",
			"9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00.000Z" })
	void readsEachEdgeOfGrantexsFormAsInstantParseDoes(String text) {
		assertThat(JsonValues.utc(text)).isEqualTo(Instant.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-01T13:00:00+01:00", "2026-03-01t12:00:00z", "+12026-03-01T12:00:00Z",
			"2026-03-01T24:00:00Z", "2026-12-31T23:59:60Z", "2026-03-01T12:00:00.1234567891Z", "2026-03-01T12:00Z",
			"2026-02-29T12:00:00Z", "2026-04-31T12:00:00Z", "2026-13-01T12:00:00Z", "2026-03-01T12:60:00Z",
			"2026-03-01T12:00:00.Z", "2026-03-01T12:0a:00Z", "2026-03-01 12:00:00Z", "yesterday" })
	void leavesEveryOtherFormToInstantParseWhichReadsOrRefusesIt(String text) {
		assertThat(JsonValues.utc(text)).isNull();
		Instant expected;
		try {
			expected = Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			assertThatExceptionOfType(MalformedBodyException.class)
				.isThrownBy(() -> JsonValues.instant(text, "meta.lastModified"))
				.withMessageContaining("meta.lastModified is not an ISO-8601 instant");
			return;
		}
		assertThat(JsonValues.instant(text, "meta.lastModified")).isEqualTo(expected);
	}

	@Test
	void refusesAnImpossibleDateNamingTheMember() {
		assertThatExceptionOfType(MalformedBodyException.class)
			.isThrownBy(() -> JsonValues.instant("2026-02-29T12:00:00.000Z", "meta.created"))
			.withMessageContaining("meta.created is not an ISO-8601 instant");
	}

}
