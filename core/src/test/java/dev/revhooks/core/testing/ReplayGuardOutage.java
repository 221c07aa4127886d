package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A run of deliveries through one guard while the test stops and restarts its store: each key is
 * claimed like a vendor retrying until it gets an answer (a {@link ReplayStoreUnavailableException}
 * is the only failure allowed), handled (counted) when {@code NEW}, then completed. Afterwards no
 * key may have been handled twice, and each key's state must follow from what its run saw. Shared
 * by the stores' outage tests.
 *
 * <pre>{@code
 * ReplayGuardOutage run = ReplayGuardOutage.start(guard, 600, "outage-", Duration.ofSeconds(90));
 * run.awaitProgress(100);
 * server.stop();
 * run.awaitTypedFailures(3);
 * server.start();
 * run.finish();
 * run.assertNoKeyHandledTwice();
 * }</pre>
 */
public final class ReplayGuardOutage {

    private final ReplayGuard guard;
    private final int keys;
    private final String keyPrefix;
    private final Duration bound;
    private final AtomicIntegerArray handled;
    private final Set<Integer> completeFailed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger progress = new AtomicInteger();
    private final AtomicInteger typedFailures = new AtomicInteger();
    private CompletableFuture<Void> worker;

    private ReplayGuardOutage(ReplayGuard guard, int keys, String keyPrefix, Duration bound) {
        this.guard = guard;
        this.keys = keys;
        this.keyPrefix = keyPrefix;
        this.bound = bound;
        this.handled = new AtomicIntegerArray(keys);
    }

    /**
     * Starts the run on another thread.
     *
     * @param guard     the guard over the store the test will stop
     * @param keys      how many deliveries
     * @param keyPrefix a prefix no other test uses
     * @param bound     the longest the run, and each wait, may take
     * @return the running run
     */
    public static ReplayGuardOutage start(ReplayGuard guard, int keys, String keyPrefix, Duration bound) {
        ReplayGuardOutage run = new ReplayGuardOutage(guard, keys, keyPrefix, bound);
        run.worker = CompletableFuture.runAsync(run::deliverEachUntilAnswered);
        return run;
    }

    /**
     * Waits until {@code deliveries} deliveries were answered.
     *
     * @param deliveries how many
     */
    public void awaitProgress(int deliveries) {
        Await.until(deliveries + " deliveries answered", bound, () -> progress.get() >= deliveries);
    }

    /**
     * Waits until the guard failed {@code failures} times with the typed exception.
     *
     * @param failures how many
     */
    public void awaitTypedFailures(int failures) {
        Await.until(failures + " typed failures", bound, () -> typedFailures.get() >= failures);
    }

    /**
     * How many deliveries were answered so far.
     *
     * @return the count
     */
    public int progress() {
        return progress.get();
    }

    /**
     * Waits for the run to end; rethrows what failed in it.
     *
     * @throws Exception if the run failed or outlasted the bound
     */
    public void finish() throws Exception {
        worker.get(bound.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Asserts that no key was handled twice, and that each key's state follows from what its run
     * saw: handled and completed, {@code ALREADY_PROCESSED}; handled but the completion's answer
     * lost, {@code ALREADY_PROCESSED} or (the completion never arrived) {@code IN_PROGRESS} until
     * its lease ends; not handled because the claim's answer was lost, {@code IN_PROGRESS}.
     */
    public void assertNoKeyHandledTwice() {
        List<Integer> twice = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            if (handled.get(k) > 1) {
                twice.add(k);
            }
            Claim now = guard.claim(key(k)).claim();
            if (handled.get(k) == 0) {
                assertThat(now).as("key %d, whose claim's answer was lost", k).isEqualTo(Claim.IN_PROGRESS);
            } else if (completeFailed.contains(k)) {
                assertThat(now).as("key %d, whose completion's answer was lost", k).isIn(Claim.ALREADY_PROCESSED, Claim.IN_PROGRESS);
            } else {
                assertThat(now).as("key %d, handled and completed", k).isEqualTo(Claim.ALREADY_PROCESSED);
            }
        }
        assertThat(twice).as("keys handled twice").isEmpty();
    }

    private DeliveryKey key(int k) {
        return new DeliveryKey(keyPrefix + k);
    }

    private void deliverEachUntilAnswered() {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int k = 0; k < keys; k++) {
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("key " + k + " never answered");
                }
                ClaimResult claimed;
                try {
                    claimed = guard.claim(key(k));
                } catch (ReplayStoreUnavailableException e) {
                    typedFailures.incrementAndGet();
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the vendor's retry interval
                    continue;
                }
                if (claimed.isNew()) {
                    handled.incrementAndGet(k);
                    try {
                        guard.complete(key(k), claimed.token());
                    } catch (ReplayStoreUnavailableException e) {
                        typedFailures.incrementAndGet();
                        completeFailed.add(k);
                    }
                }
                break;
            }
            progress.incrementAndGet();
        }
    }
}
