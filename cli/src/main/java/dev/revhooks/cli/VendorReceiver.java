package dev.revhooks.cli;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.util.function.Function;

/**
 * A vendor module's real receiver, and how to name the type of the events it produces.
 *
 * <pre>{@code
 * Outcome outcome = Vendor.REVONT.receiver(secret, settings).receive(request);
 * boolean signatureOnly = Vendor.REVONT.receiver(secret, settings).authenticates(request);
 * }</pre>
 *
 * @param <E> the vendor's event type
 */
final class VendorReceiver<E> {

    private final WebhookReceiver<E> receiver;
    private final Function<E, String> typeName;

    /**
     * Wraps a receiver.
     *
     * @param receiver the vendor module's receiver
     * @param typeName the event's type as sent (or as subscribed, for RevDesk); may return null when the
     *     request does not name it
     */
    VendorReceiver(WebhookReceiver<E> receiver, Function<E, String> typeName) {
        this.receiver = receiver;
        this.typeName = typeName;
    }

    /**
     * Runs the whole check, as an application's receiver would: verify, then parse.
     *
     * @param request the captured request
     * @return what the receiver decided
     */
    Outcome receive(WebhookRequest request) {
        try {
            VerifiedDelivery<E> delivery = receiver.receive(request);
            return new Outcome.Authentic(delivery, typeName.apply(delivery.event()));
        } catch (WebhookVerificationException e) {
            return new Outcome.Rejected(e);
        } catch (WebhookPayloadException e) {
            return new Outcome.Unreadable(e);
        }
    }

    /**
     * Runs the authentication part alone: whether the request's credential is good.
     *
     * @param request the request
     * @return true when the receiver's {@code verify} passes
     */
    boolean authenticates(WebhookRequest request) {
        try {
            receiver.verify(request);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }
}
