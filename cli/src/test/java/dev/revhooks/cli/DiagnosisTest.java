package dev.revhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the catalogue through the whole command: the exit code, the failed check, the
 * mistake the diagnosis names (exactly those findings, in order) and what re-checking the corrected
 * request says.
 */
class DiagnosisTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.revhooks.cli.Scenario#all")
    void namesTheMistakeThatExplainsTheRejection(Scenario scenario, @TempDir Path directory) {
        Harness.Result result = scenario.run(new Harness(directory));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(scenario.exitCode());
        assertThat(result.report()).contains(scenario.reportContains());
        assertThat(result.findings()).as(result.err()).containsExactlyElementsOf(scenario.findings());
        if (scenario.exitCode() == VerifyCommand.REJECTED) {
            assertThat(result.report()).contains("REJECTED: ");
            assertThat(result.out()).isEmpty();
        }
    }
}
