package dev.revhooks.jdbc.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and when a delivery whose handler threw is tried again: exponential backoff with
 * jitter, up to a number of attempts, after which it is kept as a dead letter.
 *
 * <p>The delay before attempt {@code n + 1} is {@code min(maxDelay, baseDelay * 2^(n-1))} reduced
 * by a random fraction of at most half of it ("equal jitter"): between half and all of the
 * exponential value. Delays therefore never shrink from one attempt to the next, and instances
 * retrying the same failure spread out.
 *
 * <pre>{@code
 * RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1));
 * // attempts 1..8; waits about 5-10 s, 10-20 s, 20-40 s, ... capped at 30-60 min
 * }</pre>
 *
 * @param maxAttempts how many times the handler runs at most (1 to 1000), a worker crash included
 * @param baseDelay   the delay after the first failure (before jitter), at least 1 ms
 * @param maxDelay    the longest delay (before jitter), at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** 8 attempts, 10 seconds doubling up to one hour. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1));

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 1000) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 1000");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.toMillis() < 1) {
            throw new IllegalArgumentException("baseDelay must be at least 1 ms");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be at least baseDelay");
        }
    }

    /**
     * The delay after failed attempt {@code attempt}.
     *
     * @param attempt the attempt that failed, from 1
     * @param random  a value in {@code [0, 1)}: the jitter
     * @return the delay in milliseconds
     */
    public long delayMillis(int attempt, double random) {
        long max = maxDelay.toMillis();
        long exponential = baseDelay.toMillis();
        for (int i = 1; i < attempt && exponential < max; i++) {
            exponential *= 2;
        }
        exponential = Math.min(exponential, max);
        return exponential - (long) (exponential / 2.0 * random);
    }
}
