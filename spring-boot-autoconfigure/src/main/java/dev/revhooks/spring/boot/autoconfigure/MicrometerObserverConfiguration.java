package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.micrometer.MicrometerWebhookObserver;
import io.micrometer.core.instrument.MeterRegistry;
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
}
