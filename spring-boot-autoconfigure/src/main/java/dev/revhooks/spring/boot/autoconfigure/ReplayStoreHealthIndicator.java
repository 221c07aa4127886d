package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator's view of the shared replay store: one claim and release of a throw-away key, the path
 * every delivery takes. Down, with the failure's type (never its message, which may name hosts or
 * tables), when the store cannot answer.
 */
final class ReplayStoreHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ReplayGuard> guards;

    ReplayStoreHealthIndicator(ObjectProvider<ReplayGuard> guards) {
        this.guards = guards;
    }

    @Override
    public Health health() {
        ReplayGuard guard = guards.getIfUnique();
        if (guard == null) {
            return Health.down().withDetail("error", "no replay guard").build();
        }
        DeliveryKey probe = DeliveryKey.of("revhooks", "health", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        try {
            ReplayGuard.ClaimResult claim = guard.claim(probe);
            if (claim.isNew()) {
                guard.release(probe, claim.token());
            }
            return Health.up().withDetail("guard", guard.getClass().getSimpleName()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("guard", guard.getClass().getSimpleName())
                    .withDetail("error", e.getClass().getName()).build();
        }
    }
}
