package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.envelope;
import static dev.revhooks.revont.Fixtures.receiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number in Revont's free-form {@code data} has a scale within ±100, in both parse paths. */
class NumberScaleTest {

    private static final WebhookJson JSON = WebhookJson.shared();
    private static final String TIMESTAMP = "2024-09-15T14:32:00Z";

    private final RevontWebhooks receiver = receiver();

    private static byte[] body(String event, String number) {
        return envelope(event, TIMESTAMP, "{\"call_id\":\"call_1\",\"metrics\":{\"score\":[" + number + "]}}");
    }

    @Test
    void aNumberBeyondTheScaleIsAPayloadErrorNamingItsPlaceInBothPaths() {
        for (String event : List.of("call.ended", "call.started", "new.event")) {
            for (String number : List.of("1e999999999", "1e-999999999", "1e101", "-1.5e-100")) {
                byte[] body = body(event, number);
                assertThatThrownBy(() -> receiver.receive(SIGNER.sign(body))).as(event + " " + number)
                        .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(body))
                        .hasMessageContaining("number at /data/metrics/score/0 has a scale of");
                assertThatThrownBy(() -> RevontEnvelope.readStreaming(JSON, body)).isInstanceOf(WebhookPayloadException.class)
                        .hasMessageContaining("number at /data/metrics/score/0");
                assertThatThrownBy(() -> RevontEnvelope.readTree(JSON, body)).isInstanceOf(WebhookPayloadException.class)
                        .hasMessageContaining("number at /data/metrics/score/0");
            }
        }
    }

    @Test
    void aNumberAtTheLimitIsReadAndBothPathsAgree() throws Exception {
        for (String number : List.of("1e100", "1e-100")) {
            byte[] body = body("call.ended", number);
            RevontEvent.CallEnded ended = (RevontEvent.CallEnded) receiver.receive(SIGNER.sign(body)).event();
            assertThat(ended.data().at("/metrics/score/0").decimalValue()).isEqualTo(new BigDecimal(number));
            assertThat(RevontEnvelope.readStreaming(JSON, body).toEvent(JSON, body))
                    .isEqualTo(RevontEnvelope.readTree(JSON, body).toEvent(JSON, body));
        }
    }
}
