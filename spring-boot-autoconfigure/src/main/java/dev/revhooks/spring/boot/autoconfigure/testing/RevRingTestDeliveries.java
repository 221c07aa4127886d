package dev.revhooks.spring.boot.autoconfigure.testing;

import dev.revhooks.core.Secret;
import dev.revhooks.revring.RevRingSigner;
import java.nio.charset.StandardCharsets;

/**
 * RevRing deliveries for an app's tests, carrying the app's test API key.
 *
 * <pre>{@code
 * SignedDelivery preCall = RevRingTestDeliveries.preCall("/hooks/revring", Secret.of("test-key"));
 * }</pre>
 */
public final class RevRingTestDeliveries {

    /** A pre-call request as RevRing's document shows it. */
    public static final String PRE_CALL = "{\"event\":\"pre_call\",\"agentId\":\"5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c\","
            + "\"fromNumber\":\"+14155550123\",\"toNumber\":\"+14155550199\",\"dialedAgentId\":null}";

    /** A completed call's post-call record as RevRing's document shows it. */
    public static final String POST_CALL = """
            {
              "id": "7d6f2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e5f",
              "direction": "INBOUND",
              "status": "COMPLETED",
              "fromNumber": "+14155550123",
              "toNumber": "+14155550199",
              "organizationId": "org_8Jx2kQ",
              "agentId": "5b2e9c4a-1f3d-4e6a-8b7c-9d0e1f2a3b4c",
              "recordingUrl": "https://recordings.revring.example/calls/7d6f2c1e.mp3",
              "hangupCause": "USER_ENDED",
              "errorMessage": null,
              "transcript": [
                {"role": "agent", "content": "Hi, this is Ava from Acme Dental. How can I help?", "timestamp": 0.4},
                {"role": "user", "content": "I'd like to move my appointment to Friday.", "timestamp": 3.1}
              ],
              "summary": "Caller rescheduled a cleaning to Friday 10:00.",
              "initiatedAt": "2026-03-02T14:59:58Z",
              "startedAt": "2026-03-02T15:00:00.250Z",
              "endedAt": "2026-03-02T16:02:07+01:00",
              "durationSeconds": 127,
              "variables": {"customerName": "Ada", "vip": true, "openInvoices": 2},
              "createdAt": "2026-03-02T14:59:58Z",
              "updatedAt": "2026-03-02T15:02:09Z"
            }
            """;

    private RevRingTestDeliveries() {
    }

    /**
     * The document's pre-call request; the app answers it with its {@code PreCallAnswer}.
     *
     * @param path the app's RevRing path
     * @param apiKey the app's test API key
     * @return the delivery
     */
    public static SignedDelivery preCall(String path, Secret apiKey) {
        return request(path, apiKey, PRE_CALL.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The document's post-call record of a completed call.
     *
     * @param path the app's RevRing path
     * @param apiKey the app's test API key
     * @return the delivery
     */
    public static SignedDelivery postCall(String path, Secret apiKey) {
        return request(path, apiKey, POST_CALL.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any body with the API key header.
     *
     * @param path the app's RevRing path
     * @param apiKey the app's test API key
     * @param body the raw body
     * @return the delivery
     */
    public static SignedDelivery request(String path, Secret apiKey, byte[] body) {
        return SignedDelivery.of(path, RevRingSigner.of(apiKey).request(body));
    }
}
