package dev.revhooks.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static DeliveryKey key(String s) {
        return new DeliveryKey(s);
    }

    @Test
    void aCompletedKeyIsAlreadyProcessedUntilItExpires() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().retention(Duration.ofMinutes(10)).clock(clock).build();
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.NEW);
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.IN_PROGRESS);
        guard.complete(key("a"));
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.ALREADY_PROCESSED);
        clock.now = clock.now.plus(Duration.ofMinutes(10)).minusNanos(1);
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.ALREADY_PROCESSED);
        clock.now = clock.now.plusNanos(1);
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.NEW);
    }

    @Test
    void aReleasedClaimIsHandledAgainOnRetry() {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().build();
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.NEW);
        guard.release(key("a"));
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.NEW);
        guard.complete(key("a"));
        guard.release(key("a")); // releasing a completed key changes nothing
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void anAbandonedClaimExpiresAfterTheInProgressTimeoutNotTheRetention() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().retention(Duration.ofHours(24))
                .inProgressTimeout(Duration.ofSeconds(30)).clock(clock).build();
        guard.claim(key("a"));
        clock.now = clock.now.plusSeconds(29);
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.IN_PROGRESS);
        clock.now = clock.now.plusSeconds(1);
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.NEW);
        guard.complete(key("a"));
        clock.now = clock.now.plus(Duration.ofHours(23));
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThatThrownBy(() -> InMemoryReplayGuard.builder().inProgressTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holdsAtMostMaxEntriesForgettingTheOldestFirst() {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().maxEntries(3).build();
        for (String k : List.of("a", "b", "c", "d")) {
            guard.claim(key(k));
            guard.complete(key(k));
        }
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.claim(key("b"))).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThat(guard.claim(key("a"))).isEqualTo(Claim.NEW); // forgotten
        for (int i = 0; i < 1000; i++) {
            guard.claim(key("flood-" + i));
        }
        assertThat(guard.size()).isEqualTo(3);
    }

    @Test
    void completeWithoutClaimRecordsTheKey() {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().maxEntries(1).build();
        guard.complete(key("x"));
        assertThat(guard.claim(key("x"))).isEqualTo(Claim.ALREADY_PROCESSED);
        guard.complete(key("y"));
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void exactlyOneConcurrentClaimWins() throws Exception {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                DeliveryKey k = key("k" + round);
                AtomicInteger winners = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        if (guard.claim(k) == Claim.NEW) {
                            winners.incrementAndGet();
                            guard.complete(k);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                assertThat(winners).hasValue(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> InMemoryReplayGuard.builder().retention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InMemoryReplayGuard.builder().maxEntries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(InMemoryReplayGuard.builder().build().toString()).contains("PT24H").contains("100000");
    }
}
