package dev.revhooks.core.observe;

/**
 * What an adapter (the servlet filter, framework glue, an inbox) did with a delivery beyond the
 * receiver's {@code receive}; reported through {@link WebhookObserver#answered}.
 *
 * <pre>{@code
 * if (!replayGuard.claim(delivery.key())) {
 *     observer.answered(vendor, delivery.event().type(), AdapterOutcome.DUPLICATE);
 * }
 * }</pre>
 */
public enum AdapterOutcome {
    /** A replay guard had already seen the delivery key; the delivery was acknowledged, not handled again. */
    DUPLICATE,
    /** A replay guard saw the first copy of this delivery still being handled; the sender is asked to retry. */
    IN_PROGRESS,
    /** The replay guard's or inbox's store could not be reached; the sender is asked to retry. */
    STORE_UNAVAILABLE,
    /** The request used an HTTP method other than POST; no receiver was called. */
    METHOD_NOT_ALLOWED,
    /** The request body could not be read (the connection broke, or it ended early); no receiver was called. */
    BODY_UNREADABLE,
    /** The application's handler threw after the delivery was accepted. */
    HANDLER_FAILED
}
