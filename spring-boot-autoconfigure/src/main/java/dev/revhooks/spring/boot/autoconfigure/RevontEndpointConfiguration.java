package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.Revont;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Revont's endpoint, when {@code revhooks-revont} is on the classpath and {@code revhooks.revont.*} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.revhooks.revont.RevontWebhooks")
@ConditionalOnVendorProperties("revhooks.revont")
class RevontEndpointConfiguration {

    @Bean
    VendorEndpoints revontWebhookEndpoints(RevhooksProperties properties, ReceiverSettings shared) {
        Revont revont = properties.getRevont();
        RevontWebhooks receiver = RevontWebhooks.builder()
                .settings(EndpointProperties.withSecrets(shared, PropertySecrets.required("revhooks.revont.secret",
                        revont.getSecret(), "revhooks.revont.secrets", revont.getSecrets()), "revhooks.revont.secrets"))
                .build();
        return VendorEndpoints.of(new WebhookEndpoint("revhooks.revont.path",
                EndpointProperties.path("revhooks.revont.path", revont.getPath()), false, receiver,
                RevontEvent.class, event -> ((RevontEvent) event).type(), WebhookEndpoint.Answer.NO_CONTENT));
    }
}
