package dev.revhooks.core.signature;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.WebhookVerificationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Replay protection: how far a signed timestamp may lie in the past and in the future of the
 * receiver's clock. The default allows 5 minutes each way. A timestamp exactly at either edge is
 * accepted; anything beyond (by a nanosecond) is rejected with
 * {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE}.
 *
 * <pre>{@code
 * TimestampTolerance tolerance = TimestampTolerance.DEFAULT.withPast(Duration.ofMinutes(10));
 * tolerance.check(Instant.ofEpochSecond(signedSeconds), clock);
 * }</pre>
 *
 * <p>There is no "off" value here on purpose: vendor builders offer a loudly named method to skip
 * the check.
 *
 * @param past how old a timestamp may be
 * @param future how far ahead of the clock a timestamp may be (clock skew)
 */
public record TimestampTolerance(Duration past, Duration future) {

    private static final int NANOS_PER_SECOND = 1_000_000_000;

    /** 5 minutes in the past and 5 in the future. */
    public static final TimestampTolerance DEFAULT = new TimestampTolerance(Duration.ofMinutes(5), Duration.ofMinutes(5));

    /**
     * Validates the limits: neither negative.
     *
     * @param past how old a timestamp may be
     * @param future how far ahead a timestamp may be
     */
    public TimestampTolerance {
        Objects.requireNonNull(past, "past");
        Objects.requireNonNull(future, "future");
        if (past.isNegative() || future.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
    }

    /**
     * The same tolerance with another past limit.
     *
     * @param past how old a timestamp may be
     * @return a new tolerance
     */
    public TimestampTolerance withPast(Duration past) {
        return new TimestampTolerance(past, future);
    }

    /**
     * The same tolerance with another future limit.
     *
     * @param future how far ahead a timestamp may be
     * @return a new tolerance
     */
    public TimestampTolerance withFuture(Duration future) {
        return new TimestampTolerance(past, future);
    }

    /**
     * Checks a timestamp given in Unix seconds; values beyond what {@link Instant} can hold are
     * out of tolerance.
     *
     * @param epochSeconds the signed time in seconds since the epoch
     * @param clock the receiver's clock
     * @throws WebhookVerificationException with {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE} outside the window
     */
    public void checkEpochSeconds(long epochSeconds, Clock clock) throws WebhookVerificationException {
        if (epochSeconds < Instant.MIN.getEpochSecond() || epochSeconds > Instant.MAX.getEpochSecond()) {
            throw new WebhookVerificationException(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE, "timestamp out of range");
        }
        check(Instant.ofEpochSecond(epochSeconds), clock);
    }

    /**
     * Checks a timestamp against the clock.
     *
     * @param timestamp the signed time
     * @param clock the receiver's clock
     * @throws WebhookVerificationException with {@link FailureReason#TIMESTAMP_OUT_OF_TOLERANCE} outside the window
     */
    public void check(Instant timestamp, Clock clock) throws WebhookVerificationException {
        Instant now = clock.instant();
        // The age (now - timestamp) as whole seconds and nanoseconds in [0, 1e9): no Duration to
        // allocate, and no overflow, since two Instants are at most about 6.4e16 seconds apart.
        long ageSeconds = now.getEpochSecond() - timestamp.getEpochSecond();
        int ageNanos = now.getNano() - timestamp.getNano();
        if (ageNanos < 0) {
            ageSeconds--;
            ageNanos += NANOS_PER_SECOND;
        }
        if (exceeds(ageSeconds, ageNanos, past)) {
            throw new WebhookVerificationException(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE,
                    "older than " + past.toSeconds() + " s");
        }
        long aheadSeconds = ageNanos == 0 ? -ageSeconds : -ageSeconds - 1;
        int aheadNanos = ageNanos == 0 ? 0 : NANOS_PER_SECOND - ageNanos;
        if (exceeds(aheadSeconds, aheadNanos, future)) {
            throw new WebhookVerificationException(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE,
                    "more than " + future.toSeconds() + " s in the future");
        }
    }

    /** Whether {@code seconds + nanos} (nanos in [0, 1e9)) is longer than {@code limit}. */
    private static boolean exceeds(long seconds, int nanos, Duration limit) {
        return seconds > limit.getSeconds() || (seconds == limit.getSeconds() && nanos > limit.getNano());
    }
}
