package dev.revhooks.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IpLiteral} promises to parse literals "without ever resolving a host name". Texts made of
 * hex digits, colons and dots that start with a dot are not literals, yet the JDK's
 * {@code InetAddress.getByName} hands them to the name service (it parses a literal only when the
 * text starts with a hex digit or a colon). A child JVM whose name service is a hosts file that
 * knows such names shows it: a resolved name comes back as an address.
 */
class IpLiteralNameServiceTest {

    private static final List<String> NAMES = List.of(".:1", "[.1:2]", " .::3 ");

    @Test
    void textsThatAreNotLiteralsAreNullInProcess() {
        for (String name : NAMES) {
            assertThat(IpLiteral.parse(name)).as(name).isNull();
        }
    }

    @Test
    void neverAsksTheNameService(@TempDir Path dir) throws IOException, InterruptedException {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "203.0.113.9 .:1\n203.0.113.10 .1:2\n203.0.113.11 .::3\n");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"),
                Probe.class.getName(), NAMES.get(0), NAMES.get(1), NAMES.get(2))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(output).isZero();
        assertThat(output.lines()).as("IpLiteral.parse in a JVM whose hosts file names them").containsExactly("null", "null", "null");
    }

    /** Prints {@link IpLiteral#parse} of each argument, one per line. */
    static final class Probe {
        public static void main(String[] args) {
            for (String text : args) {
                System.out.println(IpLiteral.parse(text));
            }
        }
    }
}
