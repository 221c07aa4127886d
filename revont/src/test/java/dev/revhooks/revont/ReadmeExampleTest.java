package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET_VALUE;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.testing.ReadmeSnippets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick start of the READMEs (this module's and the root's), compiled and run here; they quote it verbatim. */
class ReadmeExampleTest {

    private final String signingSecret = EXAMPLE_SECRET_VALUE; // README: System.getenv("REVONT_WEBHOOK_SECRET")
    private final List<String> summaries = new ArrayList<>();
    private final List<byte[]> deadLetters = new ArrayList<>();

    // README build: from here
    RevontWebhooks revont = RevontWebhooks.builder()
            .secret(Secret.of(signingSecret))            // "whsec_...", exactly as Revont shows it
            .build();                                    // once; immutable, shared by all threads
    // README build: to here

    int handle(byte[] rawBody, Map<String, List<String>> headers) {
        // README handle: from here
        WebhookRequest request = WebhookRequest.builder(rawBody)
                .headers(WebhookHeaders.of(headers))     // Map<String, List<String>>: every value kept
                .build();
        try {
            VerifiedDelivery<RevontEvent> delivery = revont.receive(request);
            if (delivery.event() instanceof RevontEvent.SummaryReady ready) {
                summaries.add(ready.data().summaryUrl());
            }
            return 200;
        } catch (WebhookVerificationException e) {
            return e.reason().httpStatus();              // forged, malformed, signature header repeated: 401
        } catch (WebhookPayloadException e) {
            deadLetters.add(e.rawBody());                // authentic but unreadable: never lost
            return 200;
        }
        // README handle: to here
    }

    @Test
    void theQuickStartAcceptsAuthenticDeliveriesAndRejectsForgeriesAndRepeatedSignatures() {
        String signature = SIGNER.signatureHeader(GUIDE_EXAMPLE);
        assertThat(handle(GUIDE_EXAMPLE, Map.of("x-revont-signature", List.of(signature)))).isEqualTo(200);
        assertThat(summaries).hasSize(1);
        assertThat(handle(GUIDE_EXAMPLE, Map.of("X-Revont-Signature", List.of(signature, signature)))).isEqualTo(401);
        assertThat(handle(GUIDE_EXAMPLE, Map.of("X-Revont-Signature", List.of("sha256=" + "0".repeat(64))))).isEqualTo(401);
        byte[] unreadable = utf8("[]");
        assertThat(handle(unreadable, Map.of("X-Revont-Signature", List.of(SIGNER.signatureHeader(unreadable)))))
                .isEqualTo(200);
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void theReadmesQuoteTheTestedExample() {
        Path source = Path.of("src/test/java/dev/revhooks/revont/ReadmeExampleTest.java");
        ReadmeSnippets.assertQuoted(Path.of("README.md"), source, "build", "handle");
        ReadmeSnippets.assertQuoted(Path.of("../README.md"), source, "build", "handle");
    }
}
