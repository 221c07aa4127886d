package dev.revhooks.revdesk;

import static dev.revhooks.core.testing.ReadmeSnippets.headerMap;
import static dev.revhooks.core.testing.ReadmeSnippets.withRepeated;
import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.SECRET_VALUE;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.testing.ReadmeSnippets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick start of the READMEs (this module's and the root's), compiled and run here; they quote it verbatim. */
class ReadmeExampleTest {

    private final String signingSecret = SECRET_VALUE;       // README: System.getenv("REVDESK_SIGNING_SECRET")
    private final String pathToken = "7f3c9e1a5b2d4c6e8f0a"; // README: System.getenv("REVDESK_PATH_TOKEN")
    private final List<String> inventory = new ArrayList<>();
    private final List<byte[]> deadLetters = new ArrayList<>();

    // README build: from here
    // Built once per URL, shared by all threads.
    RevDeskWebhooks numbers = RevDeskWebhooks.builder()      // POST /hooks/revdesk/number_purchased
            .subscribedTo(RevDeskEventType.NUMBER_PURCHASED)
            .secret(Secret.of(signingSecret))
            .build();
    RevDeskWebhooks busy = RevDeskWebhooks.builder()         // POST /hooks/revdesk/call_busy/<token>
            .subscribedTo(RevDeskEventType.CALL_BUSY)
            .acceptUnauthenticatedUnsignedEvents()           // RevDesk does not sign these
            .requestGuard(PathTokenGuard.lastPathSegment(Secret.of(pathToken)))
            .build();
    // README build: to here

    int handle(byte[] rawBody, Map<String, List<String>> headers) {
        // README handle: from here
        WebhookRequest request = WebhookRequest.builder(rawBody)
                .headers(WebhookHeaders.of(headers))         // Map<String, List<String>>: every value kept
                .build();
        try {
            VerifiedDelivery<RevDeskEvent> delivery = numbers.receive(request);
            if (delivery.event() instanceof RevDeskEvent.NumberPurchased purchased) {
                inventory.add(purchased.envelope().payload().phoneNumber());
            }
            return 200;
        } catch (WebhookVerificationException e) {
            return e.reason().httpStatus();                  // forged, unsigned, signature header repeated: 401
        } catch (WebhookPayloadException e) {
            deadLetters.add(e.rawBody());                    // authentic but unreadable: never lost
            return 200;
        }
        // README handle: to here
    }

    @Test
    void theQuickStartAcceptsAuthenticDeliveriesAndRejectsForgeriesAndRepeatedSignatures() throws Exception {
        WebhookRequest signed = SIGNER.request(NUMBER_LIFECYCLE);
        assertThat(handle(NUMBER_LIFECYCLE, headerMap(signed))).isEqualTo(200);
        assertThat(inventory).containsExactly("+15551234567");
        assertThat(handle(NUMBER_LIFECYCLE, withRepeated(signed, RevDeskWebhooks.SIGNATURE_HEADER))).isEqualTo(401);
        assertThat(handle(NUMBER_LIFECYCLE, Map.of())).isEqualTo(401);
        byte[] unreadable = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(handle(unreadable, headerMap(SIGNER.request(unreadable)))).isEqualTo(200);
        assertThat(deadLetters).hasSize(1);
        WebhookRequest unsigned = RevDeskSigner.unsignedRequest(CALL_DISPOSITION).toBuilder()
                .path("/hooks/revdesk/call_busy/" + pathToken).build();
        assertThat(busy.receive(unsigned).event()).isInstanceOf(RevDeskEvent.CallBusy.class);
    }

    @Test
    void theReadmesQuoteTheTestedExample() {
        Path source = Path.of("src/test/java/dev/revhooks/revdesk/ReadmeExampleTest.java");
        ReadmeSnippets.assertQuoted(Path.of("README.md"), source, "build", "handle");
        ReadmeSnippets.assertQuoted(Path.of("../README.md"), source, "build", "handle");
    }
}
