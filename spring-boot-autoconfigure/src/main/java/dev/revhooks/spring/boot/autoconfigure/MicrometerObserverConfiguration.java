package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.inbox.InboxBacklog;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.micrometer.InboxMetrics;
import dev.revhooks.micrometer.MeteredReplayGuard;
import dev.revhooks.micrometer.MicrometerWebhookObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code revhooks-micrometer} and Micrometer on the classpath: every receiver and the filter
 * report to a {@link MicrometerWebhookObserver} on the app's {@link MeterRegistry} (and its
 * {@link ObservationRegistry}, when it has one). An app's own {@link WebhookObserver} bean replaces it.
 * The filter's replay guard is timed by a {@link MeteredReplayGuard} ({@code store} tag:
 * {@code memory}, {@code jdbc}, {@code redis}, or {@code app} for the app's own kind of guard), and an
 * {@link InboxBacklog} bean (such as a {@code JdbcInbox}) gets {@link InboxMetrics} gauges tagged
 * {@code inbox=inbox}, through a {@link MeterBinder} that Boot's metrics binds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"dev.revhooks.micrometer.MicrometerWebhookObserver", "io.micrometer.core.instrument.MeterRegistry",
        "io.micrometer.observation.ObservationRegistry"})
class MicrometerObserverConfiguration {

    @Bean
    @ConditionalOnMissingBean(WebhookObserver.class)
    WebhookObserver revhooksMicrometerObserver(ObjectProvider<MeterRegistry> meters,
                                               ObjectProvider<ObservationRegistry> observations) {
        MeterRegistry registry = meters.getIfUnique();
        if (registry == null) {
            return WebhookObserver.none();
        }
        MicrometerWebhookObserver.Builder builder = MicrometerWebhookObserver.builder(registry);
        ObservationRegistry observationRegistry = observations.getIfUnique();
        if (observationRegistry != null) {
            builder.observationRegistry(observationRegistry);
        }
        return builder.build();
    }

    @Bean
    ReplayGuardMetering revhooksReplayGuardMetering(ObjectProvider<MeterRegistry> meters) {
        return guard -> {
            MeterRegistry registry = meters.getIfUnique();
            if (registry == null || guard instanceof MeteredReplayGuard) {
                return guard;
            }
            return MeteredReplayGuard.of(guard, registry, storeName(guard));
        };
    }

    /** The {@code store} tag: which of the library's guards it is, or {@code app} for the app's own. */
    static String storeName(ReplayGuard guard) {
        return switch (guard.getClass().getName()) {
            case "dev.revhooks.core.replay.InMemoryReplayGuard" -> "memory";
            case "dev.revhooks.jdbc.JdbcReplayGuard" -> "jdbc";
            case "dev.revhooks.redis.RedisReplayGuard" -> "redis";
            default -> "app";
        };
    }

    @Bean
    MeterBinder revhooksInboxMetrics(ObjectProvider<InboxBacklog> inboxes) {
        return registry -> {
            InboxBacklog inbox = inboxes.getIfUnique();
            if (inbox != null) {
                InboxMetrics.of(inbox, "inbox").bindTo(registry);
            }
        };
    }
}
