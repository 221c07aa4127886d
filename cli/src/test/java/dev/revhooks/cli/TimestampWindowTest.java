package dev.revhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampWindowTest {

    private static final Instant NOW = Instant.parse("2026-05-27T03:06:20.750Z");

    private static String explain(String signatureHeader, boolean atGiven) {
        WebhookRequest request = WebhookRequest.builder(new byte[0])
                .headers(WebhookHeaders.builder().add("X-Webhook-Signature", signatureHeader).build()).build();
        return TimestampWindow.explain(request, Clock.fixed(NOW, ZoneOffset.UTC), atGiven);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 s", "59, 59 s", "60, 1 min", "3725, 1 h 2 min 5 s", "86400, 1 day", "183600, 2 days 3 h"})
    void writesDurationsInWords(long seconds, String words) {
        assertThat(TimestampWindow.format(Duration.ofSeconds(seconds))).isEqualTo(words);
    }

    @Test
    void saysHowLongBeforeTheCheckADeliveryWasSignedAndSuggestsAt() {
        long signed = NOW.getEpochSecond() - 7_500;

        assertThat(explain("t=" + signed + ",v1=" + "a".repeat(64), false)).isEqualTo("Time window: the signature is"
                + " valid, but it was signed at 2026-05-27T01:01:20Z (t=" + signed + "), 2 h 5 min before the time of"
                + " this check (2026-05-27T03:06:20Z, now). RevRag deliveries are accepted from 5 min before to 5 min"
                + " after their signed time, so that a captured delivery cannot be replayed. To check a captured"
                + " delivery as of when it arrived, run again with --at 2026-05-27T01:01:20Z (or when your server"
                + " received it).");
    }

    @Test
    void saysWhenASignedTimeLiesAheadOfTheAtGiven() {
        long signed = NOW.getEpochSecond() + 600;

        assertThat(explain(" v1=x , t=" + signed, true)).contains("10 min after the time of this check"
                + " (2026-05-27T03:06:20Z, given by --at)", "--at should be the time the delivery arrived")
                .doesNotContain("sender's clock");
    }

    @Test
    void aSignedTimeBeyondAnyDateIsExplainedWithoutADate() {
        assertThat(explain("t=99999999999999999999,v1=x", false))
                .startsWith("Time window: the signature is valid, but its signed time t is beyond any date");
        assertThat(explain("t=" + Long.MAX_VALUE + ",v1=x", false))
                .startsWith("Time window: the signature is valid, but its signed time t is beyond any date");
    }
}
