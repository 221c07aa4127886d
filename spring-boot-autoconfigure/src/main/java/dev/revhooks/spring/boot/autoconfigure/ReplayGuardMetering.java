package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.replay.ReplayGuard;

/**
 * Wraps the filter's replay guard for metrics ({@link MicrometerObserverConfiguration} makes one
 * when Micrometer is present); without it the guard is used as it is.
 */
@FunctionalInterface
interface ReplayGuardMetering {

    /** The guard the filter uses: {@code guard} itself, or a metered wrapper of it. */
    ReplayGuard wrap(ReplayGuard guard);
}
