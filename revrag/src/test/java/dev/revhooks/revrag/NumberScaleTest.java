package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.RECEIVER;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number RevRag's records hand out has a scale within ±100: duration, custom variables, variables_fields. */
class NumberScaleTest {

    private static final WebhookJson JSON = WebhookJson.shared();
    private static final String EXAMPLE = new String(exampleBody(), StandardCharsets.UTF_8);
    private static final List<String> REFUSED = List.of("1e999999999", "1e-999999999", "1e101", "-1e-101");

    /** The document's example with one number placed: in duration, a custom variable's value, variables_fields. */
    private static byte[] body(String place, String number) {
        String json = switch (place) {
            case "/duration" -> EXAMPLE.replace("\"duration\": 72", "\"duration\": " + number);
            case "/custom_variables/0/value" -> EXAMPLE.replace("\"value\": true", "\"value\": " + number);
            default -> EXAMPLE.replace("{ \"plan\": \"gold\" }", "{ \"plan\": " + number + " }");
        };
        assertThat(json).isNotEqualTo(EXAMPLE);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNumberBeyondTheScaleIsAPayloadErrorNamingItsPlaceInBothPaths() {
        for (String place : List.of("/duration", "/custom_variables/0/value", "/variables_fields/plan")) {
            for (String number : REFUSED) {
                byte[] body = body(place, number);
                assertThatThrownBy(() -> RECEIVER.receive(signed(body))).as(place + " " + number)
                        .isInstanceOfSatisfying(WebhookPayloadException.class, e -> assertThat(e.rawBody()).isSameAs(body))
                        .hasMessageContaining("number at " + place + " has a scale of");
                assertThat(StreamedCallStatus.read(JSON, body)).as("the fast path steps aside").isNull();
                assertThatThrownBy(() -> JSON.read(body, CallStatus.class)).isInstanceOf(WebhookPayloadException.class)
                        .hasMessageContaining("number at " + place);
            }
        }
    }

    @Test
    void aNumberAtTheLimitIsReadAndBothPathsAgree() throws Exception {
        for (String number : List.of("1e100", "1e-100", "-2.5e99")) {
            BigDecimal expected = new BigDecimal(number);
            CallStatus duration = ((RevRagEvent.CallEnded) RECEIVER.receive(signed(body("/duration", number))).event()).call();
            assertThat(duration.duration()).isEqualTo(expected);
            CallStatus variable = ((RevRagEvent.CallEnded) RECEIVER.receive(signed(body("/custom_variables/0/value", number)))
                    .event()).call();
            assertThat(variable.customVariables().get(0).numberValue()).contains(expected);
            for (String place : List.of("/duration", "/custom_variables/0/value", "/variables_fields/plan")) {
                byte[] body = body(place, number);
                CallStatus fast = StreamedCallStatus.read(JSON, body);
                assertThat(fast).isNotNull().isEqualTo(JSON.read(body, CallStatus.class));
            }
        }
    }
}
