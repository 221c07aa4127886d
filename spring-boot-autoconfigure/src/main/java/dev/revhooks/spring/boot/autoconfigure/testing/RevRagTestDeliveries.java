package dev.revhooks.spring.boot.autoconfigure.testing;

import dev.revhooks.core.Secret;
import dev.revhooks.revrag.RevRagSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * RevRag deliveries for an app's tests, signed with the app's test secret at a given time (RevRag
 * signs a timestamp: a time outside the app's tolerance makes a stale delivery).
 *
 * <pre>{@code
 * SignedDelivery delivery = RevRagTestDeliveries.callEnded("/hooks/revrag", Secret.of("test-secret"), Instant.now());
 * }</pre>
 */
public final class RevRagTestDeliveries {

    /** The {@code call.ended} example of RevRag's document. */
    public static final String CALL_ENDED = """
            {
              "call_status": "ENDED",
              "call_id": "123e4567-e89b-12d3-a456-426614174000",
              "agent_id": "33333333-3333-3333-3333-333333333333",
              "summary": "User asked about their loan eligibility and was guided to the application.",
              "start_time": "2026-05-27T03:05:00+00:00",
              "end_time": "2026-05-27T03:06:12+00:00",
              "duration": 72,
              "disconnection_reason": "user_hangup",
              "recording_url": "https://.../recording.mp3",
              "transcription": {
                "messages": [
                  { "role": "assistant", "content": "Hi! How can I help you today?" },
                  { "role": "user", "content": "What documents do I need for a loan?" }
                ]
              },
              "custom_variables": [
                { "key": "interested_in_loan", "type": "boolean", "value": true }
              ],
              "variables_fields": { "plan": "gold" },
              "app_user_id": "user_12345"
            }
            """;

    private RevRagTestDeliveries() {
    }

    /**
     * The document's {@code call.ended} example, signed at {@code sentAt}.
     *
     * @param path the app's RevRag path
     * @param secret the app's test secret
     * @param sentAt the signed timestamp
     * @return the delivery
     */
    public static SignedDelivery callEnded(String path, Secret secret, Instant sentAt) {
        return signed(path, secret, CALL_ENDED.getBytes(StandardCharsets.UTF_8), sentAt);
    }

    /**
     * Any body, signed as RevRag signs a {@code call.ended} delivery.
     *
     * @param path the app's RevRag path
     * @param secret the app's test secret
     * @param body the raw body
     * @param sentAt the signed timestamp
     * @return the delivery
     */
    public static SignedDelivery signed(String path, Secret secret, byte[] body, Instant sentAt) {
        return SignedDelivery.of(path, RevRagSigner.of(secret).sign(body, sentAt));
    }
}
