package dev.revhooks.core.replay;

import dev.revhooks.core.DeliveryKey;
import java.util.Objects;

/**
 * Remembers which deliveries were already handled, so a vendor's retry or an attacker's replay of
 * a verified delivery is not processed twice.
 *
 * <p>The protocol keeps deliveries from being lost: {@link #claim} before handling, then
 * {@link #complete} only after the app handled the delivery successfully, or {@link #release} when
 * it failed (so the vendor's retry is processed, not ignored). A {@link Claim#NEW} claim comes with
 * a {@link ClaimToken}: completing and releasing need it, and act only while the caller still owns
 * the claim. A claim is a lease: one neither completed nor released within the guard's lease
 * (minutes; the request crashed) can be taken over by the next copy, and the stale owner's late
 * {@code complete} or {@code release} then changes nothing and returns {@code false}.
 *
 * <pre>{@code
 * ClaimResult claimed = guard.claim(delivery.deliveryKey()); // may throw ReplayStoreUnavailableException
 * switch (claimed.claim()) {
 *     case NEW -> {
 *         try { handle(delivery); guard.complete(delivery.deliveryKey(), claimed.token()); }
 *         catch (RuntimeException e) { guard.release(delivery.deliveryKey(), claimed.token()); throw e; }
 *     }
 *     case ALREADY_PROCESSED -> { } // acknowledge, do nothing
 *     case IN_PROGRESS -> respondRetryLater();
 * }
 * }</pre>
 *
 * <p>Implementations: {@link InMemoryReplayGuard} serves one instance; an app on several instances
 * uses one over a shared store ({@code revhooks-jdbc} for PostgreSQL and H2, {@code revhooks-redis}).
 * A shared store that cannot answer throws {@link ReplayStoreUnavailableException} (unchecked):
 * the delivery is not claimed and must not be handled; ask the sender to retry later.
 *
 * <p>Keys of deliveries nobody signed can be chosen by whoever sends them: such a sender can make
 * the guard ignore a genuine delivery by sending its body first. Exclude unsigned families from
 * the guard, or accept that risk knowingly. Implementations must be thread-safe.
 */
public interface ReplayGuard {

    /** What {@link #claim(DeliveryKey)} found. */
    enum Claim {
        /** Not seen (or forgotten, or its lease expired): the caller now holds the key and must complete or release it. */
        NEW,
        /** Handled successfully before and still remembered: acknowledge without handling. */
        ALREADY_PROCESSED,
        /** Being handled right now by another request: ask the sender to retry later. */
        IN_PROGRESS
    }

    /**
     * The answer of {@link #claim(DeliveryKey)}: what was found, and for {@link Claim#NEW} the
     * token that proves ownership of the claim.
     *
     * <pre>{@code
     * ClaimResult claimed = guard.claim(key);
     * if (claimed.isNew()) { ... guard.complete(key, claimed.token()); }
     * }</pre>
     *
     * @param claim what was found
     * @param token the owner's token with {@link Claim#NEW}; null otherwise
     */
    record ClaimResult(Claim claim, ClaimToken token) {

        private static final ClaimResult ALREADY_PROCESSED = new ClaimResult(Claim.ALREADY_PROCESSED, null);
        private static final ClaimResult IN_PROGRESS = new ClaimResult(Claim.IN_PROGRESS, null);

        /**
         * Checks that a token comes with {@link Claim#NEW} and only with it.
         *
         * @throws IllegalArgumentException if the claim is null, or NEW without a token, or another answer with one
         */
        public ClaimResult {
            if (claim == null) {
                throw new IllegalArgumentException("claim is required");
            }
            if ((claim == Claim.NEW) != (token != null)) {
                throw new IllegalArgumentException("a claim token comes with NEW and only with NEW");
            }
        }

        /**
         * A new claim owned by the holder of {@code token}.
         *
         * @param token the owner's token
         * @return the result
         */
        public static ClaimResult claimed(ClaimToken token) {
            return new ClaimResult(Claim.NEW, Objects.requireNonNull(token, "token"));
        }

        /**
         * A result without a token: {@link Claim#ALREADY_PROCESSED} or {@link Claim#IN_PROGRESS}.
         *
         * @param claim either answer but NEW
         * @return the result
         * @throws IllegalArgumentException for NEW, which needs a token, or null
         */
        public static ClaimResult notClaimed(Claim claim) {
            if (claim == null || claim == Claim.NEW) {
                throw new IllegalArgumentException("a claim token comes with NEW and only with NEW");
            }
            return claim == Claim.ALREADY_PROCESSED ? ALREADY_PROCESSED : IN_PROGRESS;
        }

        /**
         * Whether the caller now owns the claim.
         *
         * @return true for {@link Claim#NEW}
         */
        public boolean isNew() {
            return claim == Claim.NEW;
        }
    }

    /**
     * Claims a delivery for handling.
     *
     * @param key the delivery key
     * @return what was found; with {@link Claim#NEW}, the token for {@link #complete} or {@link #release}
     * @throws ReplayStoreUnavailableException if a shared store could not answer (nothing was claimed)
     */
    ClaimResult claim(DeliveryKey key);

    /**
     * Records a claimed delivery as handled, so later copies are {@link Claim#ALREADY_PROCESSED}
     * for the guard's retention. Acts only while {@code token} still owns the claim.
     *
     * @param key   a key this caller claimed
     * @param token the token its claim returned
     * @return true if recorded; false if the claim was no longer the caller's (its lease expired and
     *         another request took it over, or it was forgotten), and nothing changed
     * @throws ReplayStoreUnavailableException if a shared store could not answer (the claim then
     *         expires after its lease, and the next copy is handled again)
     */
    boolean complete(DeliveryKey key, ClaimToken token);

    /**
     * Gives up a claim after a failure, so a later copy is handled. Acts only while {@code token}
     * still owns the claim; a completed key stays completed.
     *
     * @param key   a key this caller claimed
     * @param token the token its claim returned
     * @return true if released; false if the claim was no longer the caller's, and nothing changed
     * @throws ReplayStoreUnavailableException if a shared store could not answer (the claim then
     *         expires after its lease)
     */
    boolean release(DeliveryKey key, ClaimToken token);
}
