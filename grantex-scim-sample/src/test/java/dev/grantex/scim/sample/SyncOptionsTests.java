package dev.grantex.scim.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line.
 */
class SyncOptionsTests {

	@Test
	void defaults() {
		assertThat(parse()).isEqualTo(new SyncOptions(SyncOptions.DEFAULT_FILE, false, false, 1,
				SyncOptions.DEFAULT_CONCURRENCY, false, false, false));
		assertThat(SyncOptions.USAGE).contains("default " + SyncOptions.DEFAULT_CONCURRENCY + ")");
	}

	@Test
	void everyOptionAndSpringPropertiesAlongside() {
		assertThat(parse("--file=hr.csv", "--dry-run", "--delete", "--runs=2", "--concurrency=64", "--verbose",
				"--server", "--grantex.base-url=x", "--debug"))
			.isEqualTo(new SyncOptions("hr.csv", true, true, 2, 64, true, true, false));
		assertThat(parse("--dry-run=false", "--help").dryRun()).isFalse();
	}

	@Test
	void mistakesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--dryrun")).withMessage("Unknown option --dryrun");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("hr.csv")).withMessageContaining("Unexpected");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--runs=0")).withMessageContaining("1 to 10");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--runs=x")).withMessageContaining("1 to 10");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--concurrency=0"))
			.withMessage("--concurrency must be a number from 1 to 64, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--concurrency=65"))
			.withMessageContaining("1 to 64");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--concurrency=eight"))
			.withMessageContaining("not eight");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--concurrency"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--file")).withMessageContaining("needs a");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--delete=yes")).withMessageContaining("no value");
	}

	@Test
	void theServerModeIsSeenBeforeSpringBootStarts() {
		assertThat(SyncOptions.isServer("--dry-run", "--server")).isTrue();
		assertThat(SyncOptions.isServer("--dry-run")).isFalse();
	}

	private static SyncOptions parse(String... args) {
		return SyncOptions.parse(new DefaultApplicationArguments(args));
	}

}
