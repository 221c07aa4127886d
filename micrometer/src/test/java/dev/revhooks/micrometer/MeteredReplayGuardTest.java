package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.jdbc.JdbcReplayGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The metered replay guard: each answer under its tags, the guard's answers and exceptions unchanged, meters bounded. */
class MeteredReplayGuardTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    private static DeliveryKey key(String id) {
        return DeliveryKey.of("revont", "summary.ready", id.getBytes(StandardCharsets.UTF_8));
    }

    private long claims(String result) {
        return timer(MeteredReplayGuard.CLAIM, "result", result).count();
    }

    private long settles(String operation, String result) {
        return registry.get(MeteredReplayGuard.SETTLE).tags("store", "memory", "operation", operation, "result", result).timer().count();
    }

    private Timer timer(String name, String tag, String value) {
        return registry.get(name).tags("store", "memory", tag, value).timer();
    }

    /** A guard that takes 3 ms of the registry's mock clock on every call, to show what is timed. */
    private ReplayGuard slow(ReplayGuard guard) {
        return new ReplayGuard() {
            @Override
            public ClaimResult claim(DeliveryKey key) {
                clock.add(Duration.ofMillis(3));
                return guard.claim(key);
            }

            @Override
            public boolean complete(DeliveryKey key, ClaimToken token) {
                clock.add(Duration.ofMillis(3));
                return guard.complete(key, token);
            }

            @Override
            public boolean release(DeliveryKey key, ClaimToken token) {
                clock.add(Duration.ofMillis(3));
                return guard.release(key, token);
            }
        };
    }

    @Test
    void eachClaimAnswerIsTimedUnderItsResultAndReturnedUnchanged() {
        MeteredReplayGuard guard = MeteredReplayGuard.of(slow(InMemoryReplayGuard.builder().build()), registry, "memory");

        ClaimResult first = guard.claim(key("a"));
        ClaimResult whileHandled = guard.claim(key("a"));
        assertThat(first.claim()).isEqualTo(Claim.NEW);
        assertThat(whileHandled.claim()).isEqualTo(Claim.IN_PROGRESS);
        assertThat(guard.complete(key("a"), first.token())).isTrue();
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);

        assertThat(claims("new")).isEqualTo(1);
        assertThat(claims("in_progress")).isEqualTo(1);
        assertThat(claims("already_processed")).isEqualTo(1);
        assertThat(claims("unavailable")).isZero();
        assertThat(timer(MeteredReplayGuard.CLAIM, "result", "new").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
        assertThat(settles("complete", "settled")).isEqualTo(1);
        assertThat(registry.get(MeteredReplayGuard.SETTLE).tags("operation", "complete", "result", "settled").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
    }

    @Test
    void aFalseFromCompleteOrReleaseIsALostClaimAndATrueReleaseIsSettled() {
        MeteredReplayGuard guard = MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "memory");

        ClaimResult claimed = guard.claim(key("b"));
        assertThat(guard.complete(key("b"), ClaimToken.random())).isFalse(); // not the owner's token
        assertThat(guard.release(key("b"), ClaimToken.random())).isFalse();
        assertThat(guard.release(key("b"), claimed.token())).isTrue();
        assertThat(guard.complete(key("b"), claimed.token())).isFalse();   // released: no longer this caller's

        assertThat(settles("complete", "lost_claim")).isEqualTo(2);
        assertThat(settles("release", "lost_claim")).isEqualTo(1);
        assertThat(settles("release", "settled")).isEqualTo(1);
        assertThat(settles("complete", "settled")).isZero();
    }

    @Test
    void aStoreThatFailsIsCountedUnavailableAndItsExceptionPassesThroughUnchanged() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:metered-guard-down;DB_CLOSE_DELAY=-1");
        JdbcReplayGuard jdbc = JdbcReplayGuard.builder(h2).createTableIfMissing().build();
        MeteredReplayGuard guard = MeteredReplayGuard.of(jdbc, registry, "memory");
        ClaimResult claimed = guard.claim(key("c"));
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS"); // the store stops answering: every statement fails in the database
        }

        ReplayStoreUnavailableException direct = catchUnavailable(() -> jdbc.claim(key("d")));
        ReplayStoreUnavailableException metered = catchUnavailable(() -> guard.claim(key("d")));
        assertThat(metered).hasMessage(direct.getMessage()).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> guard.complete(key("c"), claimed.token())).isInstanceOf(ReplayStoreUnavailableException.class);
        assertThatThrownBy(() -> guard.release(key("c"), claimed.token())).isInstanceOf(ReplayStoreUnavailableException.class);

        assertThat(claims("unavailable")).isEqualTo(1);
        assertThat(claims("new")).isEqualTo(1);
        assertThat(settles("complete", "unavailable")).isEqualTo(1);
        assertThat(settles("release", "unavailable")).isEqualTo(1);
    }

    private static ReplayStoreUnavailableException catchUnavailable(Runnable call) {
        try {
            call.run();
        } catch (ReplayStoreUnavailableException e) {
            return e;
        }
        throw new AssertionError("expected ReplayStoreUnavailableException");
    }

    @Test
    void anotherExceptionOfTheGuardPassesThroughUnrecorded() {
        MeteredReplayGuard guard = MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "memory");
        assertThatThrownBy(() -> guard.claim(null)).isInstanceOf(NullPointerException.class);
        assertThat(registry.get(MeteredReplayGuard.CLAIM).timers()).allSatisfy(t -> assertThat(t.count()).isZero());
    }

    @Test
    void aGuardThatAnswersNullIsPassedThroughUnrecorded() {
        ReplayGuard broken = slow(InMemoryReplayGuard.builder().build());
        MeteredReplayGuard guard = MeteredReplayGuard.of(new ReplayGuard() {
            @Override
            public ClaimResult claim(DeliveryKey key) {
                return null; // breaks the contract
            }

            @Override
            public boolean complete(DeliveryKey key, ClaimToken token) {
                return broken.complete(key, token);
            }

            @Override
            public boolean release(DeliveryKey key, ClaimToken token) {
                return broken.release(key, token);
            }
        }, registry, "memory");
        assertThat(guard.claim(key("f"))).isNull();
        assertThat(registry.get(MeteredReplayGuard.CLAIM).timers()).allSatisfy(t -> assertThat(t.count()).isZero());
    }

    @Test
    void everyMeterIsRegisteredWhenWrappedAndAFloodOfKeysAddsNone() {
        MeteredReplayGuard guard = MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "memory");
        assertThat(registry.getMeters()).hasSize(10);
        for (int i = 0; i < 5_000; i++) {
            ClaimResult claimed = guard.claim(key("flood-" + i));
            if (i % 2 == 0) {
                guard.complete(key("flood-" + i), claimed.token());
            } else {
                guard.release(key("flood-" + i), claimed.token());
            }
            guard.claim(key("flood-" + i));
        }
        assertThat(registry.getMeters()).hasSize(10);
        assertThat(claims("new")).isEqualTo(5_000 + 2_500); // released keys are new again
        assertThat(claims("already_processed")).isEqualTo(2_500);
    }

    @Test
    void twoStoresInOneRegistryKeepTheirOwnMeters() {
        MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "memory");
        MeteredReplayGuard other = MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "redis-eu");
        other.claim(key("e"));
        assertThat(registry.getMeters()).hasSize(20);
        assertThat(registry.get(MeteredReplayGuard.CLAIM).tags("store", "redis-eu", "result", "new").timer().count()).isEqualTo(1);
        assertThat(claims("new")).isZero();
    }

    @Test
    void aStoreNameOutsideTheBoundedShapeIsRefused() {
        ReplayGuard inner = InMemoryReplayGuard.builder().build();
        for (String bad : new String[] {"", "PostgreSQL", "1store", "store name", "a".repeat(33), "store\n", "caf\u00e9"}) {
            assertThatThrownBy(() -> MeteredReplayGuard.of(inner, registry, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("store must be 1 to 32 characters of [a-z0-9_.-] starting with a letter");
        }
        assertThatThrownBy(() -> MeteredReplayGuard.of(inner, registry, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.getMeters()).isEmpty();
        assertThat(MeteredReplayGuard.of(inner, registry, "a".repeat(32)).guard()).isSameAs(inner);
    }

    @Test
    void eightThreadsCountExactly() throws Exception {
        MeteredReplayGuard guard = MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), registry, "memory");
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    for (int i = 0; i < perThread; i++) {
                        DeliveryKey own = key("t" + thread + "-" + i);
                        ClaimResult claimed = guard.claim(own);
                        guard.complete(own, claimed.token());
                        guard.claim(own);                  // already processed
                        guard.claim(key("shared-" + i));   // one thread wins each shared key, never completed
                    }
                }, pool));
            }
            go.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(claims("new")).isEqualTo((long) threads * perThread + perThread);
        assertThat(claims("in_progress")).isEqualTo((long) (threads - 1) * perThread);
        assertThat(claims("already_processed")).isEqualTo((long) threads * perThread);
        assertThat(settles("complete", "settled")).isEqualTo((long) threads * perThread);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theToStringNamesTheStoreAndTheGuard() {
        MeterRegistry simple = new SimpleMeterRegistry();
        assertThat(MeteredReplayGuard.of(InMemoryReplayGuard.builder().build(), simple, "memory").toString())
                .startsWith("MeteredReplayGuard[memory, ");
    }
}
