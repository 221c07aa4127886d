package dev.revhooks.core.replay;

import dev.revhooks.core.DeliveryKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded, time-limited {@link ReplayGuard} in the memory of one process.
 *
 * <p>A completed key is remembered for {@code retention} (default 24 hours, longer than every
 * vendor's retry schedule) and at most {@code maxEntries} keys are kept (default 100,000): past
 * that, the oldest are forgotten first, so memory stays bounded under a flood. A claim is a lease
 * of the in-progress timeout (default 5 minutes): one neither completed nor released by then (a
 * request that crashed) is taken over by the next copy, and the stale owner's late
 * {@code complete}/{@code release} returns false and changes nothing. Thread-safe; the clock is
 * injectable for tests. It never throws {@link ReplayStoreUnavailableException}.
 *
 * <pre>{@code
 * ReplayGuard guard = InMemoryReplayGuard.builder().retention(Duration.ofHours(48)).maxEntries(500_000).build();
 * }</pre>
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private enum State { IN_PROGRESS, PROCESSED }

    /** A key's state; {@code token} is the owner's while in progress, null once processed. */
    private record Entry(State state, Instant expiresAt, ClaimToken token) {
    }

    private final Duration retention;
    private final Duration inProgressTimeout;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    private InMemoryReplayGuard(Builder builder) {
        this.retention = builder.retention;
        this.inProgressTimeout = builder.inProgressTimeout;
        this.maxEntries = builder.maxEntries;
        this.clock = builder.clock;
    }

    /**
     * A builder with the defaults (24 hours, 100,000 keys, the system clock).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ClaimResult claim(DeliveryKey key) {
        Objects.requireNonNull(key, "key");
        Instant now = clock.instant();
        synchronized (entries) {
            Entry existing = entries.get(key.value());
            if (existing != null && existing.expiresAt().isAfter(now)) {
                return ClaimResult.notClaimed(existing.state() == State.PROCESSED ? Claim.ALREADY_PROCESSED : Claim.IN_PROGRESS);
            }
            ClaimToken token = ClaimToken.random();
            entries.remove(key.value()); // re-inserted last, so eviction order follows recency of claims
            entries.put(key.value(), new Entry(State.IN_PROGRESS, now.plus(inProgressTimeout), token));
            evict(now);
            return ClaimResult.claimed(token);
        }
    }

    @Override
    public boolean complete(DeliveryKey key, ClaimToken token) {
        Objects.requireNonNull(key, "key");
        Instant now = clock.instant();
        synchronized (entries) {
            if (!owns(key, token)) {
                return false;
            }
            entries.put(key.value(), new Entry(State.PROCESSED, now.plus(retention), null));
            return true;
        }
    }

    @Override
    public boolean release(DeliveryKey key, ClaimToken token) {
        Objects.requireNonNull(key, "key");
        synchronized (entries) {
            if (!owns(key, token)) {
                return false;
            }
            entries.remove(key.value());
            return true;
        }
    }

    /** Whether {@code token} holds the claim of {@code key}: stored, in progress, same token (expired or not). */
    private boolean owns(DeliveryKey key, ClaimToken token) {
        Entry existing = entries.get(key.value());
        return existing != null && existing.state() == State.IN_PROGRESS && existing.token().equals(token);
    }

    /**
     * How many keys are held now, expired ones included until the next eviction.
     *
     * @return the number of keys
     */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void evict(Instant now) {
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext() && entries.size() > maxEntries) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        // Drop a few expired keys from the front on every insert, so expired keys do not pile up.
        int checked = 0;
        Iterator<Map.Entry<String, Entry>> front = entries.entrySet().iterator();
        while (front.hasNext() && checked++ < 8) {
            if (!front.next().getValue().expiresAt().isAfter(now)) {
                front.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryReplayGuard[retention=" + retention + ", maxEntries=" + maxEntries + "]";
    }

    /** Builds an {@link InMemoryReplayGuard}. */
    public static final class Builder {
        private Duration retention = Duration.ofHours(24);
        private Duration inProgressTimeout = Duration.ofMinutes(5);
        private int maxEntries = 100_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How long a key is remembered after its last claim or completion.
         *
         * @param retention a positive duration
         * @return this builder
         */
        public Builder retention(Duration retention) {
            if (retention == null || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive");
            }
            this.retention = retention;
            return this;
        }

        /**
         * How long a claim may stay neither completed nor released before it is forgotten (the
         * request handling it crashed); longer than your slowest successful handling.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder inProgressTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("inProgressTimeout must be positive");
            }
            this.inProgressTimeout = timeout;
            return this;
        }

        /**
         * The most keys held at once; the oldest are forgotten first.
         *
         * @param maxEntries at least 1
         * @return this builder
         */
        public Builder maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1");
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * The clock that ages keys.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the guard.
         *
         * @return the guard
         */
        public InMemoryReplayGuard build() {
            return new InMemoryReplayGuard(this);
        }
    }
}
