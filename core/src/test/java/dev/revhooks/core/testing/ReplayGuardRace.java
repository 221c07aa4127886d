package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Several replay guards over one store (as several app instances would have), each shared by
 * several threads, all claiming the same keys in the same order at the same time (so the threads
 * meet on the keys and claims overlap): exactly one {@link Claim#NEW} per key, and
 * every key {@link Claim#ALREADY_PROCESSED} through every guard once the winners completed. Shared
 * by the stores' tests.
 *
 * <pre>{@code
 * ReplayGuardRace.assertOneWinnerPerKey(List.of(guardA, guardB), 4, 10_000, "race-");
 * }</pre>
 */
public final class ReplayGuardRace {

    private static final long TIMEOUT_MINUTES = 10;

    private ReplayGuardRace() {
    }

    /**
     * Runs the race and asserts its outcome.
     *
     * @param guards         the instances, each over the same store
     * @param threadsPerGuard threads per instance
     * @param keys           how many distinct keys every thread claims
     * @param keyPrefix      a prefix no other test uses
     * @throws Exception when a thread failed or took longer than ten minutes
     */
    public static void assertOneWinnerPerKey(List<? extends ReplayGuard> guards, int threadsPerGuard, int keys,
                                             String keyPrefix) throws Exception {
        int threads = guards.size() * threadsPerGuard;
        AtomicIntegerArray winners = new AtomicIntegerArray(keys);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ReplayGuard guard = guards.get(t % guards.size());
                running.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < keys; k++) { // every thread in the same order: they meet on every key
                        DeliveryKey key = new DeliveryKey(keyPrefix + k);
                        ClaimResult claimed = guard.claim(key);
                        if (claimed.isNew()) {
                            winners.incrementAndGet(k);
                            assertThat(guard.complete(key, claimed.token())).as("the winner completes %s", key).isTrue();
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> future : running) {
                future.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> notOnce = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            if (winners.get(k) != 1) {
                notOnce.add(k);
            }
        }
        assertThat(notOnce).as("keys not claimed NEW exactly once").isEmpty();
        for (ReplayGuard guard : guards) {
            for (int k = 0; k < keys; k++) {
                assertThat(guard.claim(new DeliveryKey(keyPrefix + k)).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
            }
        }
    }
}
