package dev.revhooks.core.replay;

import java.time.Duration;

/**
 * How long a shared store's {@link ReplayGuard} keeps a key: a claim's lease, then a processed
 * key's retention. Both are measured by the store's own clock.
 *
 * <pre>{@code
 * ReplayExpiry expiry = ReplayExpiry.DEFAULT.withLease(Duration.ofMinutes(2)).withRetention(Duration.ofHours(48));
 * }</pre>
 *
 * @param lease     how long a claim holds before another request may take it over: longer than
 *                  the slowest successful handling
 * @param retention how long a processed key is remembered: longer than every vendor's retries
 */
public record ReplayExpiry(Duration lease, Duration retention) {

    /** A 5-minute lease and a 24-hour retention. */
    public static final ReplayExpiry DEFAULT = new ReplayExpiry(Duration.ofMinutes(5), Duration.ofHours(24));

    /**
     * Checks both durations.
     *
     * @throws IllegalArgumentException if either is null or under 1 millisecond (the message names it)
     */
    public ReplayExpiry {
        atLeastOneMillisecond(lease, "lease");
        atLeastOneMillisecond(retention, "retention");
    }

    /**
     * The same with another lease.
     *
     * @param lease at least 1 millisecond
     * @return the new value
     */
    public ReplayExpiry withLease(Duration lease) {
        return new ReplayExpiry(lease, retention);
    }

    /**
     * The same with another retention.
     *
     * @param retention at least 1 millisecond
     * @return the new value
     */
    public ReplayExpiry withRetention(Duration retention) {
        return new ReplayExpiry(lease, retention);
    }

    private static void atLeastOneMillisecond(Duration value, String name) {
        if (value == null || value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 millisecond");
        }
    }
}
