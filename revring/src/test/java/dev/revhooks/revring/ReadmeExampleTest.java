package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.KEY_VALUE;
import static dev.revhooks.revring.Fixtures.PRE_CALL;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.ReadmeSnippets;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quick start of the module's README.md, kept compiling and working; change both together. */
class ReadmeExampleTest {

    record Response(int status, byte[] body) {
    }

    private final Set<String> seen = new HashSet<>();
    private final List<CallRecord> calls = new ArrayList<>();
    private final List<byte[]> deadLetters = new ArrayList<>();

    private final String apiKey = KEY_VALUE;          // README: System.getenv("REVRING_API_KEY")

    // README build: from here
    RevRingWebhooks revring = RevRingWebhooks.builder()
            .apiKey(Secret.of("current", apiKey))
            .build();                                  // once; immutable and thread-safe
    // README build: to here

    // README handle: from here
    Response handle(byte[] rawBody, Map<String, List<String>> headers) {
        WebhookRequest request = WebhookRequest.builder(rawBody)
                .headers(WebhookHeaders.of(headers))   // Map<String, List<String>>: every value kept
                .build();
        try {
            VerifiedDelivery<RevRingEvent> delivery = revring.receive(request);
            if (delivery.event() instanceof RevRingEvent.PreCall preCall) {   // answer within 3 seconds
                PreCallRequest call = preCall.request();
                return new Response(200, PreCallAnswer.builder()
                        .variable("callerNumber", call.fromNumber())
                        .variable("directDial", call.dialedAgentId() != null)
                        .build().toJson());                            // {"variables":{...}}
            }
            if (delivery.event() instanceof RevRingEvent.PostCall postCall
                    && seen.add(delivery.deliveryKey().value())) {      // skip a re-sent record
                calls.add(postCall.call());
            }
            return new Response(200, new byte[0]);
        } catch (WebhookVerificationException e) {
            return new Response(e.reason().httpStatus(), new byte[0]);   // not from RevRing, key repeated: 401
        } catch (WebhookPayloadException e) {
            deadLetters.add(e.rawBody());                                 // authentic: keep it
            return new Response(200, PreCallAnswer.empty().toJson());
        }
    }
    // README handle: to here

    @Test
    void theQuickStartAnswersPreCallsStoresPostCallsAndRejectsForgeries() {
        Response answer = handle(resource(PRE_CALL), Map.of("x-api-key", List.of(KEY_VALUE)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"variables\":{\"callerNumber\":\"+14155550123\",\"directDial\":false}}");

        assertThat(handle(resource(COMPLETED), Map.of("x-api-key", List.of(KEY_VALUE))).status()).isEqualTo(200);
        assertThat(handle(resource(COMPLETED), Map.of("x-api-key", List.of(KEY_VALUE))).status()).isEqualTo(200);
        assertThat(calls).hasSize(1);

        assertThat(handle(resource(COMPLETED), Map.of("x-api-key", List.of("guess"))).status()).isEqualTo(401);
        assertThat(handle(resource(COMPLETED), Map.of()).status()).isEqualTo(401);
        assertThat(handle(resource(COMPLETED), Map.of("x-api-key", List.of(KEY_VALUE, KEY_VALUE))).status())
                .isEqualTo(401);

        assertThat(handle("{\"event\":\"pre_call\"}".getBytes(StandardCharsets.UTF_8), Map.of("x-api-key", List.of(KEY_VALUE))).status())
                .isEqualTo(200);
        assertThat(deadLetters).hasSize(1);
        assertThat(calls).hasSize(1);
    }

    @Test
    void theReadmesQuoteTheTestedExample() {
        Path source = Path.of("src/test/java/dev/revhooks/revring/ReadmeExampleTest.java");
        ReadmeSnippets.assertQuoted(Path.of("README.md"), source, "build", "handle");
        ReadmeSnippets.assertQuoted(Path.of("../README.md"), source, "build", "handle");
    }
}
