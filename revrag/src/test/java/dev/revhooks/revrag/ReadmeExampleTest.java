package dev.revhooks.revrag;

import static dev.revhooks.core.testing.ReadmeSnippets.headerMap;
import static dev.revhooks.core.testing.ReadmeSnippets.withRepeated;
import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.SECRET_VALUE;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.ReadmeSnippets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick start of the READMEs (this module's and the root's), compiled and run here; they quote it verbatim. */
class ReadmeExampleTest {

    private final String signingSecret = SECRET_VALUE; // README: System.getenv("REVRAG_WEBHOOK_SECRET")
    private final Clock clock = CLOCK;                 // README: the system clock, the default
    private final List<CallStatus> calls = new ArrayList<>();
    private final List<byte[]> deadLetters = new ArrayList<>();

    // README build: from here
    RevRagWebhooks revrag = RevRagWebhooks.builder()
            .secret(Secret.of("current", signingSecret))
            .clock(clock)                                // tests pass a fixed clock
            .build();                                    // 5-minute window each way by default
    // README build: to here

    int handle(byte[] rawBody, Map<String, List<String>> headers) {
        // README handle: from here
        WebhookRequest request = WebhookRequest.builder(rawBody)
                .headers(WebhookHeaders.of(headers))     // Map<String, List<String>>: every value kept
                .build();
        try {
            VerifiedDelivery<RevRagEvent> delivery = revrag.receive(request);
            if (delivery.event() instanceof RevRagEvent.CallEnded ended) {
                calls.add(ended.call());
            }
            return 200;
        } catch (WebhookVerificationException e) {
            return e.reason().httpStatus();              // forged, stale, signature header repeated: 401
        } catch (WebhookPayloadException e) {
            deadLetters.add(e.rawBody());                // authentic but unreadable: never lost
            return 200;
        }
        // README handle: to here
    }

    @Test
    void theQuickStartAcceptsAuthenticDeliveriesAndRejectsForgeriesAndRepeatedSignatures() {
        WebhookRequest signed = SIGNER.sign(exampleBody(), NOW, "call.ended", "evt_1");
        assertThat(handle(exampleBody(), headerMap(signed))).isEqualTo(200);
        assertThat(calls).hasSize(1);
        assertThat(handle(exampleBody(), withRepeated(signed, "X-Webhook-Signature"))).isEqualTo(401);
        assertThat(handle(utf8("{}"), headerMap(signed))).isEqualTo(401);
        byte[] unreadable = utf8("[]");
        assertThat(handle(unreadable, headerMap(SIGNER.sign(unreadable, NOW, "call.ended", "evt_2")))).isEqualTo(200);
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void theReadmesQuoteTheTestedExample() {
        Path source = Path.of("src/test/java/dev/revhooks/revrag/ReadmeExampleTest.java");
        ReadmeSnippets.assertQuoted(Path.of("README.md"), source, "build", "handle");
        ReadmeSnippets.assertQuoted(Path.of("../README.md"), source, "build", "handle");
    }
}
