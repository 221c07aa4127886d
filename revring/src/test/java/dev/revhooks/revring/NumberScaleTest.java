package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.keyed;
import static dev.revhooks.revring.Fixtures.receiver;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number in RevRing's metrics and variables has a scale within ±100, in both parse paths. */
class NumberScaleTest {

    private static final WebhookJson JSON = WebhookJson.shared();
    private static final String COMPLETED_JSON = new String(resource(COMPLETED), StandardCharsets.UTF_8);

    private final RevRingWebhooks receiver = receiver();

    private static byte[] body(String place, String number) {
        String json = place.equals("/metrics/latencyMsP50")
                ? COMPLETED_JSON.replace("\"latencyMsP50\": 640", "\"latencyMsP50\": " + number)
                : COMPLETED_JSON.replace("\"openInvoices\": 2", "\"openInvoices\": " + number);
        assertThat(json).isNotEqualTo(COMPLETED_JSON);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNumberBeyondTheScaleIsAPayloadErrorNamingItsPlaceInBothPaths() {
        for (String place : List.of("/metrics/latencyMsP50", "/variables/openInvoices")) {
            for (String number : List.of("1e999999999", "1e-999999999", "1e101", "2.5e-100")) {
                byte[] body = body(place, number);
                assertThatThrownBy(() -> receiver.receive(keyed(body))).as(place + " " + number)
                        .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(body))
                        .hasMessageContaining("number at " + place + " has a scale of");
                assertThat(StreamedBody.read(JSON, body)).as("the fast path steps aside").isNull();
                assertThatThrownBy(() -> JSON.readObject(body)).isInstanceOf(WebhookPayloadException.class)
                        .hasMessageContaining("number at " + place);
            }
        }
    }

    @Test
    void aNumberAtTheLimitIsReadAndBothPathsAgree() throws Exception {
        for (String place : List.of("/metrics/latencyMsP50", "/variables/openInvoices")) {
            for (String number : List.of("1e100", "1e-100")) {
                byte[] body = body(place, number);
                CallRecord call = ((RevRingEvent.PostCall) receiver.receive(keyed(body)).event()).call();
                JsonNodeHolder.check(place.startsWith("/metrics") ? call.metrics() : call.variables(), place, number);
                assertThat(StreamedBody.read(JSON, body))
                        .isEqualTo(new RevRingEvent.PostCall(JSON.convert(JSON.readObject(body), CallRecord.class, body)));
            }
        }
    }

    private static final class JsonNodeHolder {
        static void check(com.fasterxml.jackson.databind.JsonNode node, String place, String number) {
            String field = place.substring(place.lastIndexOf('/') + 1);
            assertThat(node.get(field).decimalValue()).isEqualTo(new BigDecimal(number));
        }
    }
}
