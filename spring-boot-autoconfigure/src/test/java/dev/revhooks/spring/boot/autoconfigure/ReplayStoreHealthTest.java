package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Actuator's health of the shared replay store (Spring Boot 4's health API). */
class ReplayStoreHealthTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RevhooksAutoConfiguration.class))
            .withUserConfiguration(RevhooksAutoConfigurationTest.H2.class)
            .withPropertyValues("revhooks.revont.path=/hooks/revont", "revhooks.revont.secret=whsec_health",
                    "revhooks.replay-guard.type=jdbc");

    @Test
    void aReachableStoreIsUp() {
        runner.withPropertyValues("revhooks.replay-guard.jdbc.create-table-if-missing=true").run(context -> {
            Health health = context.getBean(ReplayStoreHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("guard", "JdbcReplayGuard");
        });
    }

    @Test
    void aStoreThatCannotAnswerIsDownWithTheFailuresTypeOnly() {
        runner.run(context -> {   // the table was not created
            Health health = context.getBean(ReplayStoreHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error",
                    "dev.revhooks.core.replay.ReplayStoreUnavailableException");
        });
    }

    @Test
    void theMemoryGuardHasNoStoreToReport() {
        runner.withPropertyValues("revhooks.replay-guard.type=memory")
                .run(context -> assertThat(context).doesNotHaveBean(ReplayStoreHealthIndicator.class));
    }
}
