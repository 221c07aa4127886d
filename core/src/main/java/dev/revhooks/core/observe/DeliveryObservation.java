package dev.revhooks.core.observe;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WireValue;

/**
 * One delivery inside a receiver's {@code receive}, from {@link WebhookObserver#start(String)} to
 * its end. Exactly one of {@link #rejected}, {@link #accepted} and {@link #unparseable} ends it,
 * whatever happened (a failed check, a payload error, an unexpected exception); {@link #verified}
 * comes first when authentication passed. Every method does nothing by default, so an
 * implementation overrides only what it records.
 *
 * <pre>{@code
 * final class Timed implements DeliveryObservation {
 *     public void verified(Authentication authentication, long verifyNanos) {
 *         verifyTimer.record(verifyNanos, TimeUnit.NANOSECONDS);
 *     }
 *     public void accepted(WireValue eventType, long parseNanos) {
 *         parseTimer.record(parseNanos, TimeUnit.NANOSECONDS);
 *     }
 * }
 * }</pre>
 *
 * <p>Durations are {@link System#nanoTime()} differences measured by the receiver; they are
 * zero when the receiver's observer is {@link WebhookObserver#none()} (no clock is read then).
 * Methods must not throw (see {@link WebhookObserver}).
 */
public interface DeliveryObservation {

    /**
     * The observation that records nothing: a shared singleton, for observers that ignore some
     * deliveries.
     *
     * <pre>{@code
     * public DeliveryObservation start(String vendor) {
     *     return watched.contains(vendor) ? new Recording(vendor) : DeliveryObservation.none();
     * }
     * }</pre>
     *
     * @return the shared no-op observation (always the same instance)
     */
    static DeliveryObservation none() {
        return NoObserver.INSTANCE;
    }

    /**
     * Authentication passed; parsing comes next. Not called for a rejected delivery.
     *
     * <pre>{@code
     * secretUse.get(authentication.credentialId()).increment(); // retire unused secrets
     * }</pre>
     *
     * @param authentication how the delivery was authenticated, and by which secret or key
     * @param verifyNanos time spent on limits and authentication, in nanoseconds
     */
    default void verified(Authentication authentication, long verifyNanos) {
    }

    /**
     * The delivery was rejected: a limit, authentication, or a check after parsing (a timestamp
     * out of tolerance, an event type mismatch). Ends the observation.
     *
     * <pre>{@code
     * rejections.get(reason).increment(); // alert on a rising SIGNATURE_MISMATCH rate
     * }</pre>
     *
     * @param reason why, as the receiver's {@code WebhookVerificationException} says
     * @param verifyNanos time from the start of {@code receive} to the rejection, in nanoseconds
     */
    default void rejected(FailureReason reason, long verifyNanos) {
    }

    /**
     * The delivery was authenticated and parsed. Ends the observation.
     *
     * <pre>{@code
     * accepted.get(vendor + ":" + eventType).increment();
     * }</pre>
     *
     * @param eventType the vendor's event-type enum constant ({@code UNKNOWN} for a type the
     *     vendor's document does not list); never the raw wire string
     * @param parseNanos time spent parsing, in nanoseconds
     */
    default void accepted(WireValue eventType, long parseNanos) {
    }

    /**
     * The delivery was authenticated but its body did not parse (the receiver threw a
     * {@code WebhookPayloadException}), or {@code receive} failed with an unexpected exception (a
     * defect: the library's checks throw only its own exceptions), at any step. Ends the
     * observation.
     *
     * <pre>{@code
     * unparseable.increment(); // the raw body is in the exception, for a dead-letter store
     * }</pre>
     *
     * @param parseNanos time spent parsing until the failure (for an unexpected failure while
     *     verifying, the time spent verifying), in nanoseconds
     */
    default void unparseable(long parseNanos) {
    }
}
