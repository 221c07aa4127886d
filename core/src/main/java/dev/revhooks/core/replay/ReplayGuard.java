package dev.revhooks.core.replay;

import dev.revhooks.core.DeliveryKey;

/**
 * Remembers which deliveries were already handled, so a vendor's retry or an attacker's replay of
 * a verified delivery is not processed twice.
 *
 * <p>The protocol keeps deliveries from being lost: {@link #claim} before handling, then
 * {@link #complete} only after the app handled the delivery successfully, or {@link #release} when
 * it failed (so the vendor's retry is processed, not ignored). A key is remembered for a limited
 * time. {@link InMemoryReplayGuard} serves one instance; an app on several instances implements
 * this interface over a shared store (for example {@code INSERT ... ON CONFLICT DO NOTHING} in a
 * database, or Redis {@code SET key value NX PX ttl}).
 *
 * <pre>{@code
 * switch (guard.claim(delivery.deliveryKey())) {
 *     case NEW -> {
 *         try { handle(delivery); guard.complete(delivery.deliveryKey()); }
 *         catch (RuntimeException e) { guard.release(delivery.deliveryKey()); throw e; }
 *     }
 *     case ALREADY_PROCESSED -> { } // acknowledge, do nothing
 *     case IN_PROGRESS -> respondRetryLater();
 * }
 * }</pre>
 *
 * <p>A claim must not outlive the request holding it: expire {@link Claim#IN_PROGRESS} entries
 * after a short lease (minutes), or a crash between claim and completion makes every retry wait
 * for the full retention.
 *
 * <p>Keys of deliveries nobody signed can be chosen by whoever sends them: such a sender can make
 * the guard ignore a genuine delivery by sending its body first. Exclude unsigned families from
 * the guard, or accept that risk knowingly. Implementations must be thread-safe.
 */
public interface ReplayGuard {

    /** What {@link #claim(DeliveryKey)} found. */
    enum Claim {
        /** Not seen (or forgotten): the caller now holds the key and must complete or release it. */
        NEW,
        /** Handled successfully before and still remembered: acknowledge without handling. */
        ALREADY_PROCESSED,
        /** Being handled right now by another request: ask the sender to retry later. */
        IN_PROGRESS
    }

    /**
     * Claims a delivery for handling.
     *
     * @param key the delivery key
     * @return whether the caller should handle it
     */
    Claim claim(DeliveryKey key);

    /**
     * Records a claimed delivery as handled, so later copies are {@link Claim#ALREADY_PROCESSED}.
     *
     * @param key a key this caller claimed
     */
    void complete(DeliveryKey key);

    /**
     * Gives up a claim after a failure, so a later copy is handled.
     *
     * @param key a key this caller claimed
     */
    void release(DeliveryKey key);
}
