package dev.revhooks.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An authenticated, parsed delivery: the typed event, how it was authenticated, a key for
 * de-duplication and the raw body exactly as received.
 *
 * <pre>{@code
 * VerifiedDelivery<RevontEvent> delivery = receiver.receive(request);
 * if (delivery.event() instanceof RevontEvent.SummaryReady ready) {
 *     crm.attach(ready.data().callId(), ready.data().summaryUrl());
 * }
 * }</pre>
 *
 * <p>The delivery key is computed on first use (it hashes the body), so a receiver that never
 * asks for it does not pay for it.
 *
 * @param <E> the vendor's sealed event type
 */
public final class VerifiedDelivery<E> {

    private final E event;
    private final Authentication authentication;
    private final byte[] rawBody;
    private final Supplier<DeliveryKey> keySupplier;
    private final boolean deduplicable;
    private volatile DeliveryKey key;

    /**
     * Creates a delivery whose key is computed by {@code keySupplier} on first use.
     *
     * @param event the typed event
     * @param authentication how the request was authenticated
     * @param rawBody the verified raw body, not copied
     * @param keySupplier computes the delivery key
     */
    public VerifiedDelivery(E event, Authentication authentication, byte[] rawBody, Supplier<DeliveryKey> keySupplier) {
        this(event, authentication, rawBody, keySupplier, true);
    }

    private VerifiedDelivery(E event, Authentication authentication, byte[] rawBody, Supplier<DeliveryKey> keySupplier,
                             boolean deduplicable) {
        this.event = Objects.requireNonNull(event, "event");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.rawBody = Objects.requireNonNull(rawBody, "rawBody");
        this.keySupplier = Objects.requireNonNull(keySupplier, "keySupplier");
        this.deduplicable = deduplicable;
    }

    /**
     * A delivery that must be handled every time it arrives, never de-duplicated: an exchange whose
     * answer the sender waits for (RevRing's pre-call webhook). Replay guards pass it on untouched.
     *
     * @param <E> the event type
     * @param event the typed event
     * @param authentication how the request was authenticated
     * @param rawBody the verified raw body, not copied
     * @param keySupplier computes a key for logs; it need not be stable
     * @return the delivery, with {@link #isDeduplicable()} false
     */
    public static <E> VerifiedDelivery<E> exchange(E event, Authentication authentication, byte[] rawBody,
                                                   Supplier<DeliveryKey> keySupplier) {
        return new VerifiedDelivery<>(event, authentication, rawBody, keySupplier, false);
    }

    /**
     * A delivery with the default key {@code vendor:eventType:sha256(body)}.
     *
     * @param <E> the event type
     * @param vendor the vendor's name
     * @param eventType the event's wire name
     * @param event the typed event
     * @param authentication how the request was authenticated
     * @param rawBody the verified raw body, not copied
     * @return the delivery
     */
    public static <E> VerifiedDelivery<E> withDefaultKey(String vendor, String eventType, E event,
                                                         Authentication authentication, byte[] rawBody) {
        return new VerifiedDelivery<>(event, authentication, rawBody, () -> DeliveryKey.of(vendor, eventType, rawBody));
    }

    /**
     * The typed event.
     *
     * @return the event
     */
    public E event() {
        return event;
    }

    /**
     * How the request was authenticated and which secret or key matched.
     *
     * @return the authentication
     */
    public Authentication authentication() {
        return authentication;
    }

    /**
     * The key for de-duplication; the same for a re-sent delivery.
     *
     * @return the key
     */
    public DeliveryKey deliveryKey() {
        DeliveryKey k = key;
        if (k == null) {
            k = keySupplier.get();
            key = k;
        }
        return k;
    }

    /**
     * Whether a replay guard may drop a later copy of this delivery; false for exchanges the
     * sender needs answered every time (see {@link #exchange}).
     *
     * @return true for ordinary deliveries
     */
    public boolean isDeduplicable() {
        return deduplicable;
    }

    /**
     * The verified raw body exactly as received. Shared, not copied: do not modify.
     *
     * @return the body
     */
    public byte[] rawBody() {
        return rawBody;
    }

    @Override
    public String toString() {
        return "VerifiedDelivery[event=" + event + ", authentication=" + authentication + "]";
    }
}
