package dev.revhooks.core.observe;

import dev.revhooks.core.WireValue;

/**
 * Sees every delivery a receiver handles, and what adapters did beyond the receiver; the hook for
 * metrics, traces and structured logs. One observer serves a receiver for its whole life and is
 * called from all request threads at once, so implementations are thread-safe.
 *
 * <pre>{@code
 * WebhookObserver counting = vendor -> new DeliveryObservation() {
 *     @Override
 *     public void accepted(WireValue eventType, long parseNanos) {
 *         accepted.computeIfAbsent(vendor + ":" + eventType, k -> new LongAdder()).increment();
 *     }
 *
 *     @Override
 *     public void rejected(FailureReason reason, long verifyNanos) {
 *         rejected.computeIfAbsent(reason, k -> new LongAdder()).increment();
 *     }
 * };
 * RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(counting).build();
 * }</pre>
 *
 * <p><b>Observers must not throw.</b> Receivers and adapters catch any {@link RuntimeException}
 * from an observer call and ignore it, so a broken observer never changes what a delivery gets;
 * but the event it failed on is lost to it. Observers must also be quick: they run on the
 * request thread, inside {@code receive}.
 *
 * @see DeliveryObservation
 * @see AdapterOutcome
 */
public interface WebhookObserver {

    /**
     * The default observer: does nothing and allocates nothing. A receiver configured with it
     * does not read the clock either, so observing costs nothing measurable when unused.
     *
     * <pre>{@code
     * boolean observed = observer != WebhookObserver.none();
     * }</pre>
     *
     * @return the shared no-op observer (always the same instance)
     */
    static WebhookObserver none() {
        return NoObserver.INSTANCE;
    }

    /**
     * A delivery begins: a receiver's {@code receive} calls this once per delivery, before any
     * check. The receiver then reports on the returned observation exactly one of
     * {@link DeliveryObservation#rejected rejected}, {@link DeliveryObservation#accepted accepted}
     * or {@link DeliveryObservation#unparseable unparseable}, preceded by
     * {@link DeliveryObservation#verified verified} when authentication passed.
     *
     * <pre>{@code
     * public DeliveryObservation start(String vendor) {
     *     return new TimedObservation(registry, vendor); // one object per delivery, or a shared one
     * }
     * }</pre>
     *
     * @param vendor the receiver's {@link dev.revhooks.core.WebhookReceiver#vendor() vendor name}, e.g. {@code "revont"}
     * @return the observation for this delivery; never null ({@link DeliveryObservation#none()} to ignore it)
     */
    DeliveryObservation start(String vendor);

    /**
     * An adapter (the servlet filter, framework glue, an inbox) reports what it did with a
     * delivery beyond {@code receive}: a duplicate suppressed by a replay guard, a body it could
     * not read, a handler that failed. The default does nothing.
     *
     * <pre>{@code
     * observer.answered(receiver.vendor(), delivery.event().type(), AdapterOutcome.DUPLICATE);
     * }</pre>
     *
     * @param vendor the receiver's vendor name
     * @param eventType the vendor's event-type constant, or null when the adapter answered before
     *     parsing (e.g. {@link AdapterOutcome#METHOD_NOT_ALLOWED})
     * @param outcome what the adapter did
     */
    default void answered(String vendor, WireValue eventType, AdapterOutcome outcome) {
    }
}
