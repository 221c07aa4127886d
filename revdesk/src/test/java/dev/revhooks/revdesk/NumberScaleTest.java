package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number in RevDesk's free-form JSON ({@code disconnection_reason}, raw bodies) has a scale within ±100, in both paths. */
class NumberScaleTest {

    private static final WebhookJson JSON = WebhookJson.shared();
    private static final RevDeskEventType VOICEMAIL = RevDeskEventType.CALL_VOICEMAIL;
    private static final RevDeskWebhooks UNSIGNED = RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build();
    private static final String DISPOSITION = new String(CALL_DISPOSITION, StandardCharsets.UTF_8);

    private static byte[] body(String number) {
        String json = DISPOSITION.replace("\"disconnection_reason\": null", "\"disconnection_reason\": {\"code\": " + number + "}");
        assertThat(json).isNotEqualTo(DISPOSITION);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNumberBeyondTheScaleIsAPayloadErrorNamingItsPlaceInBothPaths() {
        EventReader reader = new EventReader(JSON);
        for (String number : List.of("1e999999999", "1e-999999999", "1e101", "-7e-101")) {
            byte[] body = body(number);
            for (RevDeskEventType type : List.of(VOICEMAIL, RevDeskEventType.NEW_CALL)) {
                assertThatThrownBy(() -> UNSIGNED.receive(type, RevDeskSigner.unsignedRequest(body))).as(number)
                        .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(body))
                        .hasMessageContaining("number at /disconnection_reason/code has a scale of");
            }
            assertThat(StreamedBody.read(JSON, VOICEMAIL, body)).as("the fast path steps aside").isNull();
            assertThatThrownBy(() -> reader.readTree(VOICEMAIL, body)).isInstanceOf(WebhookPayloadException.class)
                    .hasMessageContaining("number at /disconnection_reason/code");
        }
    }

    @Test
    void aNumberAtTheLimitIsReadAndBothPathsAgree() throws Exception {
        EventReader reader = new EventReader(JSON);
        for (String number : List.of("1e100", "1e-100")) {
            byte[] body = body(number);
            RevDeskEvent event = UNSIGNED.receive(VOICEMAIL, RevDeskSigner.unsignedRequest(body)).event();
            assertThat(((RevDeskEvent.CallDispositionEvent) event).call().disconnectionReason().get("code").decimalValue())
                    .isEqualTo(new BigDecimal(number));
            assertThat(StreamedBody.read(JSON, VOICEMAIL, body)).isNotNull().isEqualTo(reader.readTree(VOICEMAIL, body));
        }
    }
}
