package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.ReplayGuardType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Actuator's health of a shared replay store ({@code jdbc} or {@code redis}), with Spring Boot 4's health API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@Conditional(ReplayStoreHealthConfiguration.SharedStore.class)
class ReplayStoreHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "revhooksReplayStoreHealthIndicator")
    ReplayStoreHealthIndicator revhooksReplayStoreHealthIndicator(ObjectProvider<ReplayGuard> guard) {
        return new ReplayStoreHealthIndicator(guard);
    }

    /** {@code revhooks.replay-guard.type} is a shared store. */
    static final class SharedStore extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ReplayGuardType type = Binder.get(context.getEnvironment())
                    .bind("revhooks.replay-guard.type", ReplayGuardType.class).orElse(ReplayGuardType.NONE);
            return type == ReplayGuardType.JDBC || type == ReplayGuardType.REDIS
                    ? ConditionOutcome.match("replay guard type " + type + " is a shared store")
                    : ConditionOutcome.noMatch("replay guard type " + type + " keeps no shared store");
        }
    }
}
