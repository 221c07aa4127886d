package dev.revhooks.core.inbox;

/**
 * A {@link DeliveryInbox} could not store a delivery: its database is unreachable, timing out or
 * refusing the statement. Nothing was stored as far as the caller can tell, so the sender must not
 * be acknowledged: the servlet filter answers {@code 503} with {@code Retry-After} and the vendor
 * retries. The message names the store and the operation, never a body, key or password; the
 * driver's exception is the cause.
 *
 * <pre>{@code
 * try {
 *     inbox.store(delivery);
 * } catch (InboxUnavailableException e) {
 *     return retryLater(); // 503
 * }
 * }</pre>
 */
public final class InboxUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An unavailable inbox.
     *
     * @param message which store and operation failed
     * @param cause   the driver's exception
     */
    public InboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
