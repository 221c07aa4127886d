package dev.revhooks.core.replay;

/**
 * A {@link ReplayGuard}'s shared store could not answer: unreachable, timing out, or refusing the
 * statement. Nothing was claimed, completed or released as far as the caller can tell.
 *
 * <p>Unchecked on purpose: {@link InMemoryReplayGuard} never throws it, and code written against
 * {@link ReplayGuard} should not have to catch what only a remote store raises. A caller of
 * {@link ReplayGuard#claim} that gets it must not handle the delivery (it is not claimed) and
 * should ask the sender to retry later: {@code WebhookFilter} answers {@code 503} with
 * {@code Retry-After}. Its message names the store and the operation, never a key, token or
 * password; the driver's exception is the cause.
 *
 * <pre>{@code
 * try {
 *     outcome = guard.claim(key);
 * } catch (ReplayStoreUnavailableException e) {
 *     return retryLater(); // 503, the vendor retries
 * }
 * }</pre>
 */
public final class ReplayStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An unavailable store.
     *
     * @param message which store and operation failed (no key, token or password)
     * @param cause   the driver's exception
     */
    public ReplayStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
