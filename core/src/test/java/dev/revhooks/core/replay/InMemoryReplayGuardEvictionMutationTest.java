package dev.revhooks.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.InMemoryReplayGuardTest.ManualClock;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How many expired keys an insert drops: the expired ones among the eight oldest, so expired keys
 * do not pile up while each insert stays cheap.
 */
class InMemoryReplayGuardEvictionMutationTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void anInsertDropsTheExpiredKeysAmongTheEightOldest() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().inProgressTimeout(TIMEOUT).clock(clock).build();
        for (int i = 0; i < 20; i++) {
            assertThat(guard.claim(new DeliveryKey("old-" + i)).claim()).isEqualTo(Claim.NEW);
        }
        assertThat(guard.size()).isEqualTo(20);

        clock.now = clock.now.plus(TIMEOUT);
        assertThat(guard.claim(new DeliveryKey("new-1")).claim()).isEqualTo(Claim.NEW);
        assertThat(guard.size()).isEqualTo(20 + 1 - 8);
        assertThat(guard.claim(new DeliveryKey("new-2")).claim()).isEqualTo(Claim.NEW);
        assertThat(guard.size()).isEqualTo(20 + 2 - 16);
        assertThat(guard.claim(new DeliveryKey("new-3")).claim()).isEqualTo(Claim.NEW);
        assertThat(guard.size()).as("four expired keys left, then the live ones").isEqualTo(20 + 3 - 20);
    }

    @Test
    void liveKeysAtTheFrontAreKept() {
        ManualClock clock = new ManualClock();
        InMemoryReplayGuard guard = InMemoryReplayGuard.builder().inProgressTimeout(TIMEOUT).clock(clock).build();
        guard.claim(new DeliveryKey("a"));
        guard.claim(new DeliveryKey("b"));
        clock.now = clock.now.plus(TIMEOUT).minusNanos(1);
        guard.claim(new DeliveryKey("c"));
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.claim(new DeliveryKey("a")).claim()).isEqualTo(Claim.IN_PROGRESS);
    }
}
