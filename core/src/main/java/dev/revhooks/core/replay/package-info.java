/**
 * Replay protection by delivery key: remember handled deliveries so a retry or a replay is not
 * processed twice, without losing a delivery whose first attempt failed.
 *
 * <pre>{@code
 * ReplayGuard guard = InMemoryReplayGuard.builder().build();
 * }</pre>
 */
package dev.revhooks.core.replay;
