package dev.revhooks.revrag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The module README's quick start, kept compiling and working: change both together. */
class QuickStartTest {

    private final List<String> stored = new ArrayList<>();
    private final List<byte[]> deadLetters = new ArrayList<>();

    private void store(String key, String appUserId, UUID callId, String summary, BigDecimal duration) {
        stored.add(key + " " + appUserId + " " + callId + " " + summary + " " + duration);
    }

    private void tag(UUID callId, String key, boolean value) {
        stored.add(callId + " " + key + "=" + value);
    }

    private int handle(RevRagWebhooks revrag, byte[] rawBody, Map<String, String> headers) {
        try {
            VerifiedDelivery<RevRagEvent> delivery = revrag.receive(WebhookRequest.of(rawBody, headers));
            if (delivery.event() instanceof RevRagEvent.CallEnded ended) {
                CallStatus call = ended.call();
                store(delivery.deliveryKey().value(), call.appUserId(), call.callId(), call.summary(), call.duration());
                for (CustomVariable variable : call.customVariables()) {
                    variable.booleanValue().ifPresent(value -> tag(call.callId(), variable.key(), value));
                }
            }
            return 200;
        } catch (WebhookVerificationException e) {
            return e.reason().httpStatus();
        } catch (WebhookPayloadException e) {
            deadLetters.add(e.rawBody());
            return 202;
        }
    }

    @Test
    void theQuickStartHandlesAnAuthenticAForgedAndAnUnreadableDelivery() {
        RevRagWebhooks revrag = RevRagWebhooks.builder()
                .secret(Secret.of("current", Fixtures.SECRET_VALUE))
                .clock(Fixtures.CLOCK)
                .build();
        byte[] body = Fixtures.exampleBody();

        assertThat(handle(revrag, body, headersOf(RevRagSigner.of(Fixtures.SECRET).sign(body, Fixtures.NOW)))).isEqualTo(200);
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).startsWith("revrag:signed-body:").contains("user_12345", "123e4567-e89b-12d3-a456-426614174000");
        assertThat(stored.get(1)).endsWith("interested_in_loan=true");

        WebhookRequest forged = RevRagSigner.of(Secret.of("forger")).sign(body, Fixtures.NOW);
        assertThat(handle(revrag, body, headersOf(forged))).isEqualTo(401);

        byte[] unreadable = Fixtures.utf8("{\"call_status\":\"ENDED\"}");
        assertThat(handle(revrag, unreadable, headersOf(RevRagSigner.of(Fixtures.SECRET).sign(unreadable, Fixtures.NOW))))
                .isEqualTo(202);
        assertThat(deadLetters).containsExactly(unreadable);
    }

    private static Map<String, String> headersOf(WebhookRequest request) {
        Map<String, String> headers = new java.util.HashMap<>();
        request.headers().names().forEach(name -> headers.put(name, request.headers().first(name)));
        return headers;
    }
}
