package dev.revhooks.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookVerificationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampToleranceTest {

    private static final Instant NOW = Instant.parse("2026-05-27T03:05:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void defaultIsFiveMinutesEachWay() {
        assertThat(TimestampTolerance.DEFAULT.past()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimestampTolerance.DEFAULT.future()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void edgesAreInclusivePastAndFuture() throws Exception {
        TimestampTolerance tolerance = TimestampTolerance.DEFAULT;
        tolerance.check(NOW, CLOCK);
        tolerance.check(NOW.minusSeconds(300), CLOCK);
        tolerance.check(NOW.plusSeconds(300), CLOCK);
        assertOut(() -> tolerance.check(NOW.minusSeconds(301), CLOCK), "older than 300 s");
        assertOut(() -> tolerance.check(NOW.plusSeconds(301), CLOCK), "in the future");
        assertOut(() -> tolerance.check(NOW.minusSeconds(300).minusNanos(1), CLOCK), "older");
    }

    @Test
    void pastAndFutureAreSeparate() throws Exception {
        TimestampTolerance tolerance = TimestampTolerance.DEFAULT.withPast(Duration.ofMinutes(10)).withFuture(Duration.ZERO);
        tolerance.check(NOW.minusSeconds(600), CLOCK);
        tolerance.check(NOW, CLOCK);
        assertOut(() -> tolerance.check(NOW.plusSeconds(1), CLOCK), "future");
        assertOut(() -> tolerance.check(NOW.minusSeconds(601), CLOCK), "older");
    }

    @Test
    void epochSecondsAtTheEdgesAndBeyondInstantsRange() throws Exception {
        TimestampTolerance tolerance = TimestampTolerance.DEFAULT;
        tolerance.checkEpochSeconds(NOW.getEpochSecond() - 300, CLOCK);
        tolerance.checkEpochSeconds(NOW.getEpochSecond() + 300, CLOCK);
        assertOut(() -> tolerance.checkEpochSeconds(NOW.getEpochSecond() - 301, CLOCK), "older");
        assertOut(() -> tolerance.checkEpochSeconds(Long.MAX_VALUE, CLOCK), "out of range");
        assertOut(() -> tolerance.checkEpochSeconds(Long.MIN_VALUE, CLOCK), "out of range");
        assertOut(() -> tolerance.checkEpochSeconds(0, CLOCK), "older");
    }

    @Test
    void hugeTolerancesSaturateInsteadOfOverflowing() throws Exception {
        TimestampTolerance forever = new TimestampTolerance(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE));
        forever.check(Instant.MIN, CLOCK);
        forever.check(Instant.MAX, CLOCK);
        forever.checkEpochSeconds(0, CLOCK);
        TimestampTolerance none = new TimestampTolerance(Duration.ZERO, Duration.ZERO);
        none.check(NOW, CLOCK);
        assertOut(() -> none.check(Instant.MIN, CLOCK), "older");
        assertOut(() -> none.check(Instant.MAX, CLOCK), "future");
    }

    @Test
    void anyTimestampClockAndLimitsAreJudgedAsDurationArithmeticJudgesThem() {
        // Values near each other, with nanoseconds on both sides, so the edges are hit often.
        qt().withExamples(20_000).forAll(longs().between(-3, 3), integers().between(0, 999_999_999),
                        integers().between(0, 999_999_999), integers().between(0, 15))
                .checkAssert((secondsApart, timestampNanos, nowNanos, limits) -> {
                    int pastSeconds = limits / 4;
                    int futureSeconds = limits % 4;
                    Instant now = NOW.plusNanos(nowNanos);
                    Instant timestamp = NOW.plusSeconds(secondsApart).plusNanos(timestampNanos);
                    Duration past = Duration.ofSeconds(pastSeconds, timestampNanos % 2 == 0 ? 0 : nowNanos);
                    Duration future = Duration.ofSeconds(futureSeconds, nowNanos % 2 == 0 ? 0 : timestampNanos);
                    Duration age = Duration.between(timestamp, now);
                    boolean expected = age.compareTo(past) <= 0 && age.negated().compareTo(future) <= 0;
                    boolean accepted;
                    try {
                        new TimestampTolerance(past, future).check(timestamp, Clock.fixed(now, ZoneOffset.UTC));
                        accepted = true;
                    } catch (WebhookVerificationException e) {
                        assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE);
                        accepted = false;
                    }
                    assertThat(accepted).as("%s at %s within -%s/+%s", timestamp, now, past, future).isEqualTo(expected);
                });
    }

    @Test
    void refusesNegativeLimits() {
        assertThatThrownBy(() -> new TimestampTolerance(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertOut(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE))
                .hasMessageContaining(detail);
    }
}
