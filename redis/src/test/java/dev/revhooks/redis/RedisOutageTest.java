package dev.revhooks.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.core.testing.Await;
import io.lettuce.core.RedisClient;
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
import org.junit.jupiter.api.Test;

/**
 * redis-server killed (SIGKILL) in the middle of a run and started again on the same port, with an
 * append-only file written with {@code appendfsync always}: while it is down every operation fails
 * with {@link ReplayStoreUnavailableException}; no key is processed twice; the same guard, on the
 * same client, works again once the server is back (Lettuce reconnects).
 */
class RedisOutageTest {

    private static final int KEYS = 600;
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    void typedFailuresWhileDownNoKeyProcessedTwiceAndTheSameGuardWorksAfterARestart() throws Exception {
        try (LocalRedis redis = LocalRedis.start(true)) {
            RedisClient client = redis.client();
            try (RedisReplayGuard guard = RedisReplayGuard.builder(client).build()) {
                ClaimToken inFlight = guard.claim(new DeliveryKey("in-flight")).token();
                AtomicIntegerArray processed = new AtomicIntegerArray(KEYS);
                Set<Integer> completeFailed = ConcurrentHashMap.newKeySet();
                AtomicInteger progress = new AtomicInteger();
                AtomicInteger typedFailures = new AtomicInteger();
                CompletableFuture<Void> worker = CompletableFuture.runAsync(() ->
                        deliverEachUntilAnswered(guard, processed, completeFailed, progress, typedFailures));

                Await.until("the run is under way", BOUND, () -> progress.get() >= 100);
                redis.kill();
                Await.until("failures while the server is down", BOUND, () -> typedFailures.get() >= 3);
                assertThatThrownBy(() -> guard.claim(new DeliveryKey("while-down"))).isInstanceOf(ReplayStoreUnavailableException.class)
                        .hasMessageStartingWith("Redis replay guard (prefix revhooks:replay:): claim failed");
                assertThatThrownBy(() -> guard.complete(new DeliveryKey("in-flight"), inFlight))
                        .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("complete failed");
                assertThatThrownBy(() -> guard.release(new DeliveryKey("in-flight"), inFlight))
                        .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("release failed");
                int progressWhileDown = progress.get();

                redis.restart();
                worker.get(BOUND.toSeconds(), TimeUnit.SECONDS);
                assertThat(progressWhileDown).as("the outage happened mid-run").isLessThan(KEYS);

                List<Integer> twice = new ArrayList<>();
                for (int k = 0; k < KEYS; k++) {
                    if (processed.get(k) > 1) {
                        twice.add(k);
                    }
                    Claim now = guard.claim(key(k)).claim();
                    if (processed.get(k) == 1 && !completeFailed.contains(k)) {
                        assertThat(now).as("key %d", k).isEqualTo(Claim.ALREADY_PROCESSED);
                    } else {
                        assertThat(now).as("key %d, claimed when the server went away", k).isEqualTo(Claim.IN_PROGRESS);
                    }
                }
                assertThat(twice).as("keys processed twice").isEmpty();
                assertThat(guard.complete(new DeliveryKey("in-flight"), inFlight)).as("the claim made before the kill survived").isTrue();
                assertThat(guard.claim(new DeliveryKey("after")).isNew()).isTrue();
            } finally {
                client.shutdown();
            }
        }
    }

    private static DeliveryKey key(int k) {
        return new DeliveryKey("outage-" + k);
    }

    /** Like a vendor retrying each delivery until it gets an answer; handling is counting. */
    private static void deliverEachUntilAnswered(RedisReplayGuard guard, AtomicIntegerArray processed, Set<Integer> completeFailed,
                                                 AtomicInteger progress, AtomicInteger typedFailures) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        for (int k = 0; k < KEYS; k++) {
            while (true) {
                if (System.nanoTime() > deadline) {
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
                    processed.incrementAndGet(k);
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
