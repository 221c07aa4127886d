package dev.revhooks.spring.boot.autoconfigure.testing;

import dev.revhooks.core.Secret;
import dev.revhooks.revdesk.RevDeskSigner;
import java.nio.charset.StandardCharsets;

/**
 * RevDesk deliveries for an app's tests: signed number-lifecycle envelopes and the unsigned flat
 * call-disposition events.
 *
 * <pre>{@code
 * SignedDelivery purchased = RevDeskTestDeliveries.numberPurchased("/hooks/revdesk/numbers", Secret.of("test-secret"));
 * SignedDelivery voicemail = RevDeskTestDeliveries.callVoicemail("/hooks/revdesk/voicemail/" + pathToken);
 * }</pre>
 */
public final class RevDeskTestDeliveries {

    /** A {@code number.purchased} envelope as RevDesk's document shows it. */
    public static final String NUMBER_PURCHASED = """
            {
            "triggerEvent": "number.purchased",
            "createdAt": "2026-06-30T19:30:00.000Z",
            "payload": {
            "id": 4821,
            "phone_number": "+15551234567",
            "area_code": "555",
            "status": "ACTIVE",
            "organization_id": "org_1"
            }
            }
            """;

    /** A {@code call_voicemail} disposition as RevDesk's document shows it (sent unsigned). */
    public static final String CALL_VOICEMAIL = """
            {
            "id": "call_abc123",
            "from_number": "+15551234567",
            "to_number": "+15557654321",
            "direction": "outbound",
            "duration_seconds": 0,
            "status": "VOICEMAIL",
            "failure_code": "voicemail_reached",
            "failure_category": "voicemail",
            "disconnection_reason": null,
            "created_at": "2026-06-30T19:30:00.000Z"
            }
            """;

    private RevDeskTestDeliveries() {
    }

    /**
     * The document's {@code number.purchased} envelope, signed.
     *
     * @param path the app's path subscribed to {@code number_purchased}
     * @param secret the app's test signing secret
     * @return the delivery
     */
    public static SignedDelivery numberPurchased(String path, Secret secret) {
        return signed(path, secret, NUMBER_PURCHASED.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The document's voicemail disposition, unsigned as RevDesk sends it.
     *
     * @param path the app's path subscribed to {@code call_voicemail}, with its path token if any
     * @return the delivery
     */
    public static SignedDelivery callVoicemail(String path) {
        return unsigned(path, CALL_VOICEMAIL.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any body, signed as RevDesk signs number-lifecycle events.
     *
     * @param path the app's path
     * @param secret the app's test signing secret
     * @param body the raw body
     * @return the delivery
     */
    public static SignedDelivery signed(String path, Secret secret, byte[] body) {
        return SignedDelivery.of(path, RevDeskSigner.of(secret).request(body));
    }

    /**
     * Any body without a signature, as RevDesk sends its call and SMS events.
     *
     * @param path the app's path
     * @param body the raw body
     * @return the delivery
     */
    public static SignedDelivery unsigned(String path, byte[] body) {
        return SignedDelivery.of(path, RevDeskSigner.unsignedRequest(body));
    }
}
