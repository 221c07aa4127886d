package dev.revhooks.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that receives verified deliveries of one event type. The method takes the
 * event record (or any of the vendor's event interfaces) and, when it asks for it, the
 * {@link dev.revhooks.core.VerifiedDelivery} (credential id, delivery key, raw body), in either order:
 *
 * <pre>{@code
 * @Component
 * class CallListener {
 *     @WebhookListener
 *     void onSummary(RevontEvent.SummaryReady summary) { crm.attach(summary.data().callId()); }
 *
 *     @WebhookListener
 *     void onCallEnded(RevRagEvent.CallEnded ended, VerifiedDelivery<RevRagEvent> delivery) { ... }
 *
 *     @WebhookListener
 *     void onUnknown(RevontEvent.Unknown unknown) { log.info("new Revont event {}", unknown.event()); }
 *
 *     @WebhookListener   // RevRing's pre-call: the answer is written as the JSON response
 *     PreCallAnswer onPreCall(RevRingEvent.PreCall preCall) { return PreCallAnswer.builder().variable("vip", true).build(); }
 * }
 * }</pre>
 *
 * <p>Every listener whose event type matches runs, on the request thread, before the vendor gets
 * its answer ({@code 204}, or the pre-call's JSON). A listener that throws makes the answer a
 * {@code 500} (so the vendor retries) and releases the delivery from the replay guard.
 *
 * <p>Why not Spring's {@code @EventListener}: it takes one parameter (so no {@code VerifiedDelivery}
 * beside the event), it publishes a listener's return value as a new event (a {@code PreCallAnswer}
 * would go back into the event bus instead of to RevRing), and it cannot tell the starter at startup
 * that a listener waits for a vendor nobody configured. This annotation is checked at startup: a
 * wrong signature, a return type the vendor cannot answer with, or an event type whose vendor is
 * not configured stops the application with the method's name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebhookListener {
}
