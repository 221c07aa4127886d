package dev.revhooks.micrometer;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ReplayGuard} that times every call of the guard it wraps: how long claims take and what
 * they answered, and how completes and releases ended. It answers exactly what the wrapped guard
 * answers and throws what it throws: a {@link ReplayStoreUnavailableException} is recorded as
 * {@code unavailable}, then passes through unchanged.
 *
 * <pre>{@code
 * ReplayGuard guard = MeteredReplayGuard.of(JdbcReplayGuard.builder(dataSource).build(), meterRegistry, "postgresql");
 * WebhookFilter.builder(revont).replayGuard(guard).observer(observer, RevontEvent::type).build();
 * }</pre>
 *
 * <p>Meters (Micrometer names; Prometheus writes {@code revhooks_replay_claim_seconds_count}, ...):
 * <ul>
 *   <li>{@value #CLAIM}, a timer tagged {@code store} and {@code result}: {@code new},
 *       {@code already_processed}, {@code in_progress}, {@code unavailable};</li>
 *   <li>{@value #SETTLE}, a timer tagged {@code store}, {@code operation} ({@code complete},
 *       {@code release}) and {@code result}: {@code settled}, {@code lost_claim} (the guard returned
 *       false: the claim's lease had expired and another request took it over), {@code unavailable}.</li>
 * </ul>
 * {@code store} is the name the app gives (1 to 32 characters of {@code [a-z0-9_.-]}, starting with
 * a letter), so there are exactly 10 timers per store, registered when the guard is wrapped: a call
 * looks no meter up, and no key or token ever becomes a tag. The claim timer publishes a
 * percentile histogram (buckets from 1 µs to 10 s) unless {@link #of(ReplayGuard, MeterRegistry, String, boolean)}
 * says otherwise. An exception other than {@link ReplayStoreUnavailableException} (a bug, a null
 * key) passes through unrecorded. Durations come from the registry's clock. Thread-safe.
 */
public final class MeteredReplayGuard implements ReplayGuard {

    /** The claim timer's name. */
    public static final String CLAIM = "revhooks.replay.claim";
    /** The complete and release timer's name. */
    public static final String SETTLE = "revhooks.replay.settle";

    static final String STORE = "store";
    static final String OPERATION = "operation";
    static final String RESULT = "result";
    static final String UNAVAILABLE = "unavailable";

    private static final Duration SHORTEST = Duration.ofNanos(1_000);
    private static final Duration LONGEST = Duration.ofSeconds(10);

    private final ReplayGuard guard;
    private final String store;
    private final Clock clock;
    /** Indexed by {@link Claim#ordinal()}. */
    private final Timer[] claimed;
    private final Timer claimUnavailable;
    private final Settle complete;
    private final Settle release;

    private MeteredReplayGuard(ReplayGuard guard, MeterRegistry registry, String store, boolean percentileHistogram) {
        this.guard = guard;
        this.store = store;
        this.clock = registry.config().clock();
        Claim[] claims = Claim.values();
        this.claimed = new Timer[claims.length];
        for (Claim claim : claims) {
            claimed[claim.ordinal()] = claimTimer(registry, store, claimTag(claim), percentileHistogram);
        }
        this.claimUnavailable = claimTimer(registry, store, UNAVAILABLE, percentileHistogram);
        this.complete = new Settle(registry, store, "complete");
        this.release = new Settle(registry, store, "release");
    }

    /**
     * Wraps {@code guard}, recording in {@code registry} under the store name {@code store}, with
     * a percentile histogram on the claim timer.
     *
     * <pre>{@code
     * ReplayGuard guard = MeteredReplayGuard.of(redisReplayGuard, meterRegistry, "redis");
     * }</pre>
     *
     * @param guard    the guard to time
     * @param registry the app's meter registry
     * @param store    the {@code store} tag: 1 to 32 characters of {@code [a-z0-9_.-]}, starting with a letter
     * @return the metered guard
     * @throws IllegalArgumentException if {@code store} does not have that shape
     */
    public static MeteredReplayGuard of(ReplayGuard guard, MeterRegistry registry, String store) {
        return of(guard, registry, store, true);
    }

    /**
     * Wraps {@code guard}, choosing whether the claim timer publishes a percentile histogram.
     *
     * <pre>{@code
     * ReplayGuard guard = MeteredReplayGuard.of(jdbcGuard, meterRegistry, "postgresql", false);
     * }</pre>
     *
     * @param guard               the guard to time
     * @param registry            the app's meter registry
     * @param store               the {@code store} tag: 1 to 32 characters of {@code [a-z0-9_.-]}, starting with a letter
     * @param percentileHistogram true to publish the claim timer's histogram buckets
     * @return the metered guard
     * @throws IllegalArgumentException if {@code store} does not have that shape
     */
    public static MeteredReplayGuard of(ReplayGuard guard, MeterRegistry registry, String store, boolean percentileHistogram) {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(registry, "registry");
        return new MeteredReplayGuard(guard, registry, TagValue.check("store", store), percentileHistogram);
    }

    @Override
    public ClaimResult claim(DeliveryKey key) {
        long start = clock.monotonicTime();
        ClaimResult result;
        try {
            result = guard.claim(key);
        } catch (ReplayStoreUnavailableException e) {
            claimUnavailable.record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
        if (result != null) { // a guard breaking its contract is passed through, not made to fail here
            claimed[result.claim().ordinal()].record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
        }
        return result;
    }

    @Override
    public boolean complete(DeliveryKey key, ClaimToken token) {
        return complete.call(ReplayGuard::complete, key, token);
    }

    @Override
    public boolean release(DeliveryKey key, ClaimToken token) {
        return release.call(ReplayGuard::release, key, token);
    }

    /**
     * The wrapped guard.
     *
     * @return the guard whose calls are timed
     */
    public ReplayGuard guard() {
        return guard;
    }

    @Override
    public String toString() {
        return "MeteredReplayGuard[" + store + ", " + guard + "]";
    }

    static String claimTag(Claim claim) {
        return switch (claim) {
            case NEW -> "new";
            case ALREADY_PROCESSED -> "already_processed";
            case IN_PROGRESS -> "in_progress";
        };
    }

    private static Timer claimTimer(MeterRegistry registry, String store, String result, boolean percentileHistogram) {
        return Timer.builder(CLAIM)
                .description("Replay guard claims by store and answer")
                .tag(STORE, store)
                .tag(RESULT, result)
                .publishPercentileHistogram(percentileHistogram)
                .minimumExpectedValue(SHORTEST)
                .maximumExpectedValue(LONGEST)
                .register(registry);
    }

    /** {@link ReplayGuard#complete} or {@link ReplayGuard#release}, as a method reference that captures nothing. */
    @FunctionalInterface
    private interface SettleCall {
        boolean call(ReplayGuard guard, DeliveryKey key, ClaimToken token);
    }

    /** The timers of one settling operation, complete or release. */
    private final class Settle {
        final Timer settled;
        final Timer lostClaim;
        final Timer unavailable;

        Settle(MeterRegistry registry, String store, String operation) {
            this.settled = timer(registry, store, operation, "settled");
            this.lostClaim = timer(registry, store, operation, "lost_claim");
            this.unavailable = timer(registry, store, operation, UNAVAILABLE);
        }

        /** Calls {@code operation} on the guard and times it under its result. */
        boolean call(SettleCall operation, DeliveryKey key, ClaimToken token) {
            long start = clock.monotonicTime();
            boolean owned;
            try {
                owned = operation.call(guard, key, token);
            } catch (ReplayStoreUnavailableException e) {
                unavailable.record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
                throw e;
            }
            (owned ? settled : lostClaim).record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
            return owned;
        }

        private Timer timer(MeterRegistry registry, String store, String operation, String result) {
            return Timer.builder(SETTLE)
                    .description("Replay guard completes and releases by store and result")
                    .tag(STORE, store)
                    .tag(OPERATION, operation)
                    .tag(RESULT, result)
                    .register(registry);
        }
    }
}
