package dev.revhooks.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.testing.ReplayGuardRace;
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

    private static ClaimToken claimNew(ReplayGuard guard, String k) {
        ClaimResult claimed = guard.claim(key(k));
        assertThat(claimed.claim()).isEqualTo(Claim.NEW);
        return claimed.token();
    }

    @Test
    void aCompletedKeyIsAlreadyProcessedUntilItExpires() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().retention(Duration.ofMinutes(10)).clock(clock).build();
        ClaimToken token = claimNew(guard, "a");
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.IN_PROGRESS);
        assertThat(guard.complete(key("a"), token)).isTrue();
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        clock.now = clock.now.plus(Duration.ofMinutes(10)).minusNanos(1);
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        clock.now = clock.now.plusNanos(1);
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.NEW);
    }

    @Test
    void aReleasedClaimIsHandledAgainOnRetry() {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().build();
        ClaimToken first = claimNew(guard, "a");
        assertThat(guard.release(key("a"), first)).isTrue();
        assertThat(guard.release(key("a"), first)).as("released already").isFalse();
        ClaimToken second = claimNew(guard, "a");
        assertThat(second).isNotEqualTo(first);
        assertThat(guard.complete(key("a"), second)).isTrue();
        assertThat(guard.release(key("a"), second)).as("releasing a completed key changes nothing").isFalse();
        assertThat(guard.complete(key("a"), second)).as("completed already").isFalse();
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void anAbandonedClaimExpiresAfterTheInProgressTimeoutNotTheRetention() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().retention(Duration.ofHours(24))
                .inProgressTimeout(Duration.ofSeconds(30)).clock(clock).build();
        claimNew(guard, "a");
        clock.now = clock.now.plusSeconds(29);
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.IN_PROGRESS);
        clock.now = clock.now.plusSeconds(1);
        ClaimToken token = claimNew(guard, "a");
        guard.complete(key("a"), token);
        clock.now = clock.now.plus(Duration.ofHours(23));
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThatThrownBy(() -> InMemoryReplayGuard.builder().inProgressTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleOwnerCanNeitherCompleteNorReleaseTheClaimThatTookItsLeaseOver() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().inProgressTimeout(Duration.ofSeconds(30)).clock(clock).build();
        ClaimToken stale = claimNew(guard, "a");
        clock.now = clock.now.plusSeconds(30);
        ClaimToken owner = claimNew(guard, "a");
        assertThat(guard.release(key("a"), stale)).isFalse();
        assertThat(guard.complete(key("a"), stale)).isFalse();
        assertThat(guard.claim(key("a")).claim()).as("still the new owner's").isEqualTo(Claim.IN_PROGRESS);
        assertThat(guard.complete(key("a"), owner)).isTrue();
        assertThat(guard.release(key("a"), stale)).isFalse();
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void anExpiredClaimNobodyTookOverIsStillItsOwners() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().inProgressTimeout(Duration.ofSeconds(30)).clock(clock).build();
        ClaimToken token = claimNew(guard, "a");
        clock.now = clock.now.plusSeconds(31);
        assertThat(guard.complete(key("a"), token)).isTrue();
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void holdsAtMostMaxEntriesForgettingTheOldestFirst() {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().maxEntries(3).build();
        for (String k : List.of("a", "b", "c", "d")) {
            guard.complete(key(k), claimNew(guard, k));
        }
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.claim(key("b")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.NEW); // forgotten
        for (int i = 0; i < 1000; i++) {
            guard.claim(key("flood-" + i));
        }
        assertThat(guard.size()).isEqualTo(3);
    }

    @Test
    void completeOrReleaseWithoutAClaimChangesNothing() {
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().maxEntries(1).build();
        ClaimToken foreign = ClaimToken.random();
        assertThat(guard.complete(key("x"), foreign)).isFalse();
        assertThat(guard.release(key("x"), foreign)).isFalse();
        assertThat(guard.size()).isZero();
        claimNew(guard, "x");
        assertThat(guard.complete(key("x"), foreign)).isFalse();
        assertThat(guard.complete(key("x"), null)).isFalse();
        assertThat(guard.release(key("x"), foreign)).isFalse();
        assertThat(guard.claim(key("x")).claim()).isEqualTo(Claim.IN_PROGRESS);
        assertThatThrownBy(() -> guard.complete(null, foreign)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> guard.release(null, foreign)).isInstanceOf(NullPointerException.class).hasMessage("key");
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
                        ClaimResult claimed = guard.claim(k);
                        if (claimed.isNew()) {
                            winners.incrementAndGet();
                            guard.complete(k, claimed.token());
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
    void oneWinnerPerKeyAmongEightThreads() throws Exception {
        ReplayGuardRace.assertOneWinnerPerKey(List.of(InMemoryReplayGuard.builder().build()), 8, 2_000, "race-");
    }

    @Test
    void validatesItsSettings() {
        assertThatThrownBy(() -> InMemoryReplayGuard.builder().retention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InMemoryReplayGuard.builder().maxEntries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(InMemoryReplayGuard.builder().build().toString()).contains("PT24H").contains("100000");
    }
}
