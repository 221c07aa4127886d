package dev.revhooks.core.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits on a condition with a bound, for what a test cannot drive with an injected clock: a real
 * store's own clock (leases, TTLs) or a server starting. Shared by the stores' tests.
 *
 * <pre>{@code
 * Await.until("the lease ended", Duration.ofSeconds(20), () -> guard.claim(key).isNew());
 * }</pre>
 */
public final class Await {

    private Await() {
    }

    /**
     * Polls {@code condition} every 10 ms until it holds.
     *
     * @param what      what is awaited, for the failure message
     * @param bound     the longest wait
     * @param condition the condition
     * @throws AssertionError if it did not hold within the bound
     */
    public static void until(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + bound + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
