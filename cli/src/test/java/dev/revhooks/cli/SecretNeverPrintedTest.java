package dev.revhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Neither the secret (in any of the forms the diagnosis tries), nor RevRing's key, nor the
 * signature the secret gives for the captured body, nor the signature sent appears in anything
 * the command prints, whatever the verdict.
 */
class SecretNeverPrintedTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.revhooks.cli.Scenario#all")
    void neitherTheSecretNorAnExpectedSignatureIsPrinted(Scenario scenario, @TempDir Path directory) {
        Harness.Result result = scenario.run(new Harness(directory));

        assertThat(scenario.neverPrinted()).allSatisfy(hidden -> {
            assertThat(hidden.strip()).hasSizeGreaterThan(8);
            assertThat(result.all()).doesNotContain(hidden.strip());
        });
    }

    @Test
    void aSecretTypedAsAnOptionIsNotEchoed() {
        Harness.Result result = Harness.run(Map.of(), "verify", "--vendor", "revont", "--secret=" + Harness.SECRET,
                "--headers", "h", "--body", "b");

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).contains("unknown option --secret: the secret or key is never an argument");
        assertThat(result.all()).doesNotContain(Harness.SECRET).doesNotContain("MfKQ9r8G");
    }

    @Test
    void aSecretTypedAsAnArgumentIsNotEchoed() {
        Harness.Result result = Harness.run(Map.of(), "verify", "--vendor", "revont", Harness.SECRET);

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).contains("unexpected argument 4");
        assertThat(result.all()).doesNotContain("MfKQ9r8G");
    }

    @Test
    void aSecretGivenAsAnOptionValueIsNotEchoed() {
        Harness.Result result = Harness.run(Map.of(), "verify", "--vendor", Harness.SECRET);

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.all()).doesNotContain("MfKQ9r8G");
    }

    @Test
    void aKeyInAHeadersLineThatDoesNotParseIsNotEchoed(@TempDir Path directory) {
        Harness harness = new Harness(directory);
        Path headers = harness.file(Harness.utf8("x-api-key " + Scenario.RING_KEY + "\n"));

        Harness.Result result = Harness.run(Map.of("REVHOOKS_SECRET", Scenario.RING_KEY), "verify", "--vendor", "revring",
                "--headers", headers.toString(), "--body", harness.file(new byte[] {'{', '}'}).toString());

        assertThat(result.exitCode()).isEqualTo(VerifyCommand.USAGE_ERROR);
        assertThat(result.err()).contains("line 1 is not a \"Name: value\" header line");
        assertThat(result.all()).doesNotContain(Scenario.RING_KEY);
    }
}
