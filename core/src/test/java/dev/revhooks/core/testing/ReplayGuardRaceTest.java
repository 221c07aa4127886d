package dev.revhooks.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The race harness the stores' tests rely on catches the check-then-insert race it exists for. */
class ReplayGuardRaceTest {

    @Test
    void catchesACheckThenInsertGuard() {
        Map<String, Boolean> processed = new ConcurrentHashMap<>();
        ReplayGuard checkThenInsert = new CheckThenInsert(processed);
        assertThatThrownBy(() -> ReplayGuardRace.assertOneWinnerPerKey(List.of(checkThenInsert, checkThenInsert), 4, 200, "k-"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("keys not claimed NEW exactly once");
    }

    /** The guard teams write by hand: look, then insert, with a store round trip in between. */
    private record CheckThenInsert(Map<String, Boolean> rows) implements ReplayGuard {

        @Override
        public ClaimResult claim(DeliveryKey key) {
            Boolean state = rows.get(key.value());
            if (state != null) {
                return ClaimResult.notClaimed(state ? Claim.ALREADY_PROCESSED : Claim.IN_PROGRESS);
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200)); // the round trip between the two statements
            rows.put(key.value(), false);
            return ClaimResult.claimed(ClaimToken.random());
        }

        @Override
        public boolean complete(DeliveryKey key, ClaimToken token) {
            rows.put(key.value(), true);
            return true;
        }

        @Override
        public boolean release(DeliveryKey key, ClaimToken token) {
            return rows.remove(key.value()) != null;
        }
    }
}
