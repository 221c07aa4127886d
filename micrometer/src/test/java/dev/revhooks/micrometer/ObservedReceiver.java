package dev.revhooks.micrometer;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.WireValue;
import dev.revhooks.core.observe.DeliveryObservation;
import dev.revhooks.core.observe.WebhookObserver;
import java.util.function.Function;

/**
 * A real vendor receiver, reporting to an observer exactly as core's observer contract says
 * {@code receive} does: {@code start}, then {@code verified} when authentication passed, then one
 * of {@code rejected}, {@code accepted}, {@code unparseable}. It stands in for the vendor builders'
 * own observer wiring, which the base of this module does not have yet;
 * {@link VendorReceiversTest} runs the same deliveries through that wiring once it exists.
 */
final class ObservedReceiver<E> {

    private final WebhookReceiver<E> receiver;
    private final Function<E, WireValue> eventType;
    private final WebhookObserver observer;

    ObservedReceiver(WebhookReceiver<E> receiver, Function<E, WireValue> eventType, WebhookObserver observer) {
        this.receiver = receiver;
        this.eventType = eventType;
        this.observer = observer;
    }

    VerifiedDelivery<E> receive(WebhookRequest request) throws WebhookVerificationException, WebhookPayloadException {
        DeliveryObservation observation = observer.start(receiver.vendor());
        long start = System.nanoTime();
        Authentication authentication;
        try {
            authentication = receiver.verify(request);
        } catch (WebhookVerificationException e) {
            observation.rejected(e.reason(), System.nanoTime() - start);
            throw e;
        }
        long verified = System.nanoTime();
        observation.verified(authentication, verified - start);
        try {
            VerifiedDelivery<E> delivery = receiver.receive(request);
            observation.accepted(eventType.apply(delivery.event()), System.nanoTime() - verified);
            return delivery;
        } catch (WebhookVerificationException e) {
            observation.rejected(e.reason(), System.nanoTime() - start);
            throw e;
        } catch (WebhookPayloadException e) {
            observation.unparseable(System.nanoTime() - verified);
            throw e;
        }
    }
}
