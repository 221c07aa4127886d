package dev.revhooks.servlet;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.inbox.DeliveryInbox;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.core.inbox.InboxUnavailableException;
import java.util.function.Function;

/**
 * The filter's inbox mode: a verified delivery is stored in a {@link DeliveryInbox} and answered
 * {@code 202} only once the store returned; {@code 503} with {@code Retry-After} when it could not
 * store. Nothing is passed down the chain.
 *
 * @param <E> the vendor's event type
 */
final class InboxMode<E> {

    /** The status of a stored (or already stored) delivery. */
    static final int STORED = 202;
    /** The status while the store is down. */
    static final int UNAVAILABLE = 503;
    /** Seconds the sender is asked to wait before retrying a 503. */
    static final String RETRY_AFTER_SECONDS = "30";

    private final DeliveryInbox inbox;
    private final Function<? super E, String> eventType;

    InboxMode(DeliveryInbox inbox, Function<? super E, String> eventType) {
        this.inbox = inbox;
        this.eventType = eventType;
    }

    /** The answer to give the sender: status and a one-line text. */
    record Answer(int status, String text) {
    }

    Answer store(String vendor, VerifiedDelivery<E> delivery, WebhookRequest request) {
        String type = String.valueOf(eventType.apply(delivery.event()));
        return store(InboundDelivery.parsed(vendor, delivery.deliveryKey(), type, delivery.authentication(),
                delivery.rawBody(), request.headers()));
    }

    Answer storeUnparseable(String vendor, DeliveryKey key, String reason, WebhookPayloadException e, WebhookRequest request) {
        Authentication authentication = e.authentication().orElse(Authentication.none());
        return store(new InboundDelivery(vendor, key, "unparseable", authentication, e.rawBody(), request.headers(), reason));
    }

    private Answer store(InboundDelivery delivery) {
        try {
            boolean storedNow = inbox.store(delivery);
            return new Answer(STORED, storedNow ? "stored" : "already stored");
        } catch (InboxUnavailableException e) {
            return new Answer(UNAVAILABLE, "inbox unavailable; retry later");
        }
    }
}
