package dev.revhooks.core.inbox;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.WebhookHeaders;
import java.util.Objects;

/**
 * A verified delivery on its way into a {@link DeliveryInbox}: what is needed to parse it again
 * later (the raw body exactly as received and the request's headers) and to operate on it (vendor,
 * key, event type, how it was authenticated).
 *
 * <pre>{@code
 * VerifiedDelivery<RevontEvent> delivery = revont.receive(request);
 * inbox.store(InboundDelivery.parsed("revont", delivery.deliveryKey(), event.event(),
 *         delivery.authentication(), delivery.rawBody(), request.headers()));
 * }</pre>
 *
 * @param vendor         the receiver's vendor name, e.g. {@code "revont"}
 * @param deliveryKey    the delivery's key; a second copy with the same vendor and key is not stored
 * @param eventType      a label for operators, e.g. {@code "summary.ready"} ({@code "unparseable"}
 *                       for a body that did not parse)
 * @param authentication how the request was authenticated (method and credential id)
 * @param rawBody        the verified body exactly as received; shared, not copied
 * @param headers        the request's headers; the inbox keeps only those its configuration names
 * @param parseFailure   null for a body that parsed; otherwise why it did not (one line, no body):
 *                       the inbox keeps it as a dead letter that can be re-processed after an upgrade
 */
public record InboundDelivery(String vendor, DeliveryKey deliveryKey, String eventType, Authentication authentication,
                              byte[] rawBody, WebhookHeaders headers, String parseFailure) {

    /**
     * Checks that every required part is present.
     *
     * @throws NullPointerException naming the missing part (programming error of the adapter)
     */
    public InboundDelivery {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * A delivery whose body parsed.
     *
     * @param vendor         the vendor name
     * @param deliveryKey    its key
     * @param eventType      its event type
     * @param authentication how it was authenticated
     * @param rawBody        the raw body
     * @param headers        the request's headers
     * @return the delivery
     */
    public static InboundDelivery parsed(String vendor, DeliveryKey deliveryKey, String eventType,
                                         Authentication authentication, byte[] rawBody, WebhookHeaders headers) {
        return new InboundDelivery(vendor, deliveryKey, eventType, authentication, rawBody, headers, null);
    }

    /**
     * Whether the body parsed when it was received.
     *
     * @return true unless {@link #parseFailure()} is set
     */
    public boolean isParsed() {
        return parseFailure == null;
    }

    @Override
    public String toString() {
        return "InboundDelivery[" + vendor + ", " + deliveryKey + ", " + eventType + ", " + rawBody.length + " bytes"
                + (parseFailure == null ? "" : ", unparseable") + "]";
    }
}
