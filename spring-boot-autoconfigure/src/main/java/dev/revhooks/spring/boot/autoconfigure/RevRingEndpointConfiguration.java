package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.revring.RevRingWebhooks;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.RevRing;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RevRing's endpoint, when {@code revhooks-revring} is on the classpath and {@code revhooks.revring.*}
 * is set. A pre-call is answered with the {@link PreCallAnswer} its listener returned (an empty
 * answer when none did), post-calls with {@code 204}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.revhooks.revring.RevRingWebhooks")
@ConditionalOnVendorProperties("revhooks.revring")
class RevRingEndpointConfiguration {

    private static final Log LOG = LogFactory.getLog(RevRingEndpointConfiguration.class);

    @Bean
    VendorEndpoints revringWebhookEndpoints(RevhooksProperties properties, ReceiverSettings shared) {
        RevRing revring = properties.getRevring();
        RevRingWebhooks receiver = RevRingWebhooks.builder()
                .settings(EndpointProperties.withSecrets(shared, PropertySecrets.required("revhooks.revring.api-key",
                        revring.getApiKey(), "revhooks.revring.api-keys", revring.getApiKeys()), "revhooks.revring.api-keys"))
                .build();
        return VendorEndpoints.of(new WebhookEndpoint("revhooks.revring.path",
                EndpointProperties.path("revhooks.revring.path", revring.getPath()), false, receiver,
                RevRingEvent.class, event -> ((RevRingEvent) event).type(), new PreCallAnswers()));
    }

    /** Writes a pre-call's answer as JSON; everything else gets 204. */
    static final class PreCallAnswers implements WebhookEndpoint.Answer {

        @Override
        public Set<Class<?>> answerTypes() {
            return Set.of(PreCallAnswer.class);
        }

        @Override
        public void write(Object event, List<Object> answers, HttpServletResponse response) throws IOException {
            if (!(event instanceof RevRingEvent.PreCall)) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            if (answers.size() > 1) {
                LOG.warn(answers.size() + " @WebhookListener methods answered one RevRing pre-call; the first answer is sent");
            }
            PreCallAnswer answer = answers.isEmpty() ? PreCallAnswer.empty() : (PreCallAnswer) answers.get(0);
            byte[] json = answer.toJson();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        }
    }
}
