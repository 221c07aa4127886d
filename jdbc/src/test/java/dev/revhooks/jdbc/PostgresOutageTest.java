package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.core.testing.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
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
 * PostgreSQL stopped in the middle of a run and started again on the same port and data directory
 * ({@code fsync} and {@code synchronous_commit} on): while it is down every operation fails with
 * {@link ReplayStoreUnavailableException}; no key is processed twice; the same guard works again
 * once the server is back, without being rebuilt.
 */
class PostgresOutageTest {

    private static final int KEYS = 600;
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    void typedFailuresWhileDownNoKeyProcessedTwiceAndTheSameGuardWorksAfterARestart() throws Exception {
        Path data = Databases.tempDirectory("revhooks-pg-outage");
        EmbeddedPostgres postgres = Databases.startPostgres(0, data);
        int port = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (HikariDataSource pool = Databases.pool(url, 4, Duration.ofSeconds(1))) {
            JdbcReplayGuard guard = JdbcReplayGuard.builder(pool).createTableIfMissing().build();
            ClaimToken inFlight = guard.claim(new DeliveryKey("in-flight")).token();

            AtomicIntegerArray processed = new AtomicIntegerArray(KEYS);
            Set<Integer> completeFailed = ConcurrentHashMap.newKeySet();
            AtomicInteger progress = new AtomicInteger();
            AtomicInteger typedFailures = new AtomicInteger();
            CompletableFuture<Void> worker = CompletableFuture.runAsync(() ->
                    deliverEachUntilAnswered(guard, processed, completeFailed, progress, typedFailures));

            Await.until("the run is under way", BOUND, () -> progress.get() >= 100);
            postgres.close();
            Await.until("failures while the server is down", BOUND, () -> typedFailures.get() >= 3);
            assertThatThrownBy(() -> guard.claim(new DeliveryKey("while-down"))).isInstanceOf(ReplayStoreUnavailableException.class)
                    .hasMessageStartingWith("POSTGRESQL replay guard (table revhooks_replay_guard): claim failed");
            assertThatThrownBy(() -> guard.complete(new DeliveryKey("in-flight"), inFlight))
                    .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("complete failed");
            assertThatThrownBy(() -> guard.release(new DeliveryKey("in-flight"), inFlight))
                    .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("release failed");
            assertThatThrownBy(() -> guard.purgeExpired(10)).isInstanceOf(ReplayStoreUnavailableException.class);
            int progressWhileDown = progress.get();

            postgres = Databases.startPostgres(port, data);
            worker.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(progressWhileDown).as("the outage happened mid-run").isLessThan(KEYS);

            List<Integer> twice = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                if (processed.get(k) > 1) {
                    twice.add(k);
                }
                Claim now = guard.claim(key(k)).claim();
                if (processed.get(k) == 1 && !completeFailed.contains(k)) {
                    assertThat(now).as("key %d, completed before, during or after the outage", k).isEqualTo(Claim.ALREADY_PROCESSED);
                } else {
                    // claimed, then the server went away before the completion (or the claim's answer) arrived:
                    // the claim stands until its lease ends, so the vendor's retry is not processed meanwhile
                    assertThat(now).as("key %d", k).isEqualTo(Claim.IN_PROGRESS);
                }
            }
            assertThat(twice).as("keys processed twice").isEmpty();
            assertThat(guard.complete(new DeliveryKey("in-flight"), inFlight)).as("the claim made before the outage survived").isTrue();
            assertThat(guard.claim(new DeliveryKey("after")).isNew()).isTrue();
        } finally {
            postgres.close();
        }
    }

    private static DeliveryKey key(int k) {
        return new DeliveryKey("outage-" + k);
    }

    /** Like a vendor retrying each delivery until it gets an answer; handling is counting. */
    private static void deliverEachUntilAnswered(JdbcReplayGuard guard, AtomicIntegerArray processed, Set<Integer> completeFailed,
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
