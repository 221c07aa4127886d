package dev.revhooks.spring.boot.autoconfigure.testing;

import dev.revhooks.core.Secret;
import dev.revhooks.revont.RevontSigner;
import java.nio.charset.StandardCharsets;

/**
 * Revont deliveries for an app's tests, signed with the app's test secret.
 *
 * <pre>{@code
 * SignedDelivery delivery = RevontTestDeliveries.summaryReady("/hooks/revont", Secret.of("whsec_test"));
 * }</pre>
 */
public final class RevontTestDeliveries {

    /** The {@code summary.ready} example of Revont's document. */
    public static final String SUMMARY_READY = """
            {
              "event": "summary.ready",
              "timestamp": "2024-09-15T14:32:00Z",
              "data": {
                "call_id": "call_abc123",
                "rep_id": "user_xyz789",
                "prospect_email": "jane@acmecorp.com",
                "duration_seconds": 2847,
                "summary_url": "https://app.revont.ai/calls/call_abc123/summary",
                "coaching_score": 82
              }
            }
            """;

    private RevontTestDeliveries() {
    }

    /**
     * The document's {@code summary.ready} example, signed.
     *
     * @param path the app's Revont path
     * @param secret the app's test secret
     * @return the delivery
     */
    public static SignedDelivery summaryReady(String path, Secret secret) {
        return signed(path, secret, SUMMARY_READY.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any body, signed as Revont signs it.
     *
     * @param path the app's Revont path
     * @param secret the app's test secret
     * @param body the raw body
     * @return the delivery
     */
    public static SignedDelivery signed(String path, Secret secret, byte[] body) {
        return SignedDelivery.of(path, RevontSigner.of(secret).sign(body));
    }
}
