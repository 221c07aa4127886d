package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.signature.TimestampTolerance;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagWebhooks;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.RevRag;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** RevRag's endpoint, when {@code revhooks-revrag} is on the classpath and {@code revhooks.revrag.*} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.revhooks.revrag.RevRagWebhooks")
@ConditionalOnVendorProperties("revhooks.revrag")
class RevRagEndpointConfiguration {

    @Bean
    VendorEndpoints revragWebhookEndpoints(RevhooksProperties properties, ReceiverSettings shared) {
        RevRag revrag = properties.getRevrag();
        RevRagWebhooks.Builder builder = RevRagWebhooks.builder()
                .settings(EndpointProperties.withSecrets(shared, PropertySecrets.required("revhooks.revrag.secret",
                        revrag.getSecret(), "revhooks.revrag.secrets", revrag.getSecrets()), "revhooks.revrag.secrets"));
        Duration tolerance = revrag.getTolerance();
        if (tolerance != null) {
            if (tolerance.isNegative() || tolerance.isZero()) {
                throw new InvalidWebhookPropertyException("revhooks.revrag.tolerance", "must be positive");
            }
            builder.tolerance(new TimestampTolerance(tolerance, tolerance));
        }
        return VendorEndpoints.of(new WebhookEndpoint("revhooks.revrag.path",
                EndpointProperties.path("revhooks.revrag.path", revrag.getPath()), false, builder.build(),
                RevRagEvent.class, event -> ((RevRagEvent) event).type(), WebhookEndpoint.Answer.NO_CONTENT));
    }
}
