/**
 * What receivers and adapters tell an operator: one {@link dev.revhooks.core.observe.WebhookObserver}
 * per receiver, called on every delivery, for metrics, traces and logs. Core depends on nothing
 * here; a metrics module implements the observer.
 *
 * <pre>{@code
 * WebhookObserver observer = vendor -> new DeliveryObservation() {
 *     @Override
 *     public void rejected(FailureReason reason, long verifyNanos) {
 *         log.info("webhook rejected vendor={} reason={}", vendor, reason);
 *     }
 * };
 * RevontWebhooks revont = RevontWebhooks.builder()
 *         .secret(secret)
 *         .observer(observer)
 *         .build();
 * }</pre>
 *
 * <p>The contract, for every vendor:
 * <ul>
 *   <li>{@code receive} calls {@link dev.revhooks.core.observe.WebhookObserver#start(String)} once
 *       per delivery, then, on the returned observation, {@code verified} when authentication
 *       passed, and exactly one of {@code rejected}, {@code accepted} or {@code unparseable},
 *       whatever happens (exceptions included).</li>
 *   <li>Observers must not throw. A receiver catches any {@link java.lang.RuntimeException} an
 *       observer throws and ignores it: an observer can never change what a delivery gets.</li>
 *   <li>The default, {@link dev.revhooks.core.observe.WebhookObserver#none()}, does nothing and
 *       allocates nothing; with it, receivers do not even read the clock.</li>
 *   <li>Event types are the vendor's enum constants ({@code UNKNOWN} for a type the vendor's
 *       document does not list), never the raw wire string, so a sender cannot create unbounded
 *       tag values.</li>
 * </ul>
 */
package dev.revhooks.core.observe;
