package dev.revhooks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowcaseTest {

    private static final Instant NOW = Instant.parse("2026-05-27T03:10:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aDeliveryThatDoesNotGoAsExpectedIsFlaggedAndFailsTheRun() throws Exception {
        DemoDelivery tampered = DemoDeliveries.all(NOW).stream()
                .filter(d -> d.vendor().equals("revont") && d.description().equals("body tampered after signing"))
                .findFirst().orElseThrow();
        DemoDelivery wronglyExpected = new DemoDelivery(tampered.vendor(), tampered.event(), tampered.description(),
                tampered.path(), tampered.request(), Verdict.accepted(204));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new Showcase(CLOCK).run(List.of(wronglyExpected), new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(report).contains("rejected (!)")
                .contains("1 did not go as expected:")
                .contains("revont summary.ready, body tampered after signing: expected accepted 204,"
                        + " got rejected 401 SIGNATURE_MISMATCH")
                .doesNotContain("Every delivery went as expected");
    }

    @Test
    void revRagTimestampsAreCheckedAgainstTheInjectedClock() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new Showcase(CLOCK).run(DemoDeliveries.all(NOW), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Every delivery went as expected.");
    }
}
