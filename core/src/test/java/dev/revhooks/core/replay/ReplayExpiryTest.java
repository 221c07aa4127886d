package dev.revhooks.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayExpiryTest {

    @Test
    void defaultsAndChanges() {
        assertThat(ReplayExpiry.DEFAULT).isEqualTo(new ReplayExpiry(Duration.ofMinutes(5), Duration.ofHours(24)));
        ReplayExpiry changed = ReplayExpiry.DEFAULT.withLease(Duration.ofMillis(1)).withRetention(Duration.ofDays(2));
        assertThat(changed.lease()).isEqualTo(Duration.ofMillis(1));
        assertThat(changed.retention()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void eachDurationIsAtLeastOneMillisecondNamingWhich() {
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofNanos(999_999), Duration.ofMillis(-1)}) {
            assertThatThrownBy(() -> ReplayExpiry.DEFAULT.withLease(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lease must be at least 1 millisecond");
            assertThatThrownBy(() -> ReplayExpiry.DEFAULT.withRetention(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("retention must be at least 1 millisecond");
        }
    }
}
