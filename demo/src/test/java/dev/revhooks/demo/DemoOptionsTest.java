package dev.revhooks.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void noOptionRunsTheShowcase() throws UsageException {
        assertThat(DemoOptions.parse()).isEqualTo(new DemoOptions(DemoOptions.Mode.SHOWCASE, 0));
    }

    @Test
    void serveListensOn8080UnlessAPortIsGiven() throws UsageException {
        assertThat(DemoOptions.parse("--serve")).isEqualTo(new DemoOptions(DemoOptions.Mode.SERVE, 8080));
        assertThat(DemoOptions.parse("--serve", "--port", "9090")).isEqualTo(new DemoOptions(DemoOptions.Mode.SERVE, 9090));
        assertThat(DemoOptions.parse("--port", "0", "--serve")).isEqualTo(new DemoOptions(DemoOptions.Mode.SERVE, 0));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Demo.run(new String[] {"--help"}, print(out), print(err));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar revhooks-demo.jar [--serve [--port N]]");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--verbose                   | unknown option: --verbose",
        "--serve --port              | --port needs a number",
        "--serve --port eighty       | --port needs a number from 0 to 65535, not eighty",
        "--serve --port 65536        | --port needs a number from 0 to 65535, not 65536",
        "--serve --port -1           | --port needs a number from 0 to 65535, not -1",
        "--serve --port 1 --port 2   | --port is given twice",
        "--port 9090                 | --port applies to --serve only (the default mode picks a free port)"})
    void aBadCommandLineIsAUsageErrorWithExitStatus2(String commandLine, String message) {
        String[] args = commandLine.split(" ");
        assertThatThrownBy(() -> DemoOptions.parse(args)).isInstanceOf(UsageException.class).hasMessage(message);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Demo.run(args, print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("revhooks demo: " + message).contains("Usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
