package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.Secret;
import dev.revhooks.core.guard.CidrRange;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.guard.SourceAddressGuard;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revdesk.RevDeskEventType;
import dev.revhooks.revdesk.RevDeskWebhooks;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.RevDesk;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.RevDeskEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RevDesk's endpoints, one per subscribed event type, when {@code revhooks-revdesk} is on the
 * classpath and {@code revhooks.revdesk.*} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.revhooks.revdesk.RevDeskWebhooks")
@ConditionalOnVendorProperties("revhooks.revdesk")
class RevDeskEndpointConfiguration {

    private static final Log LOG = LogFactory.getLog(RevDeskEndpointConfiguration.class);

    @Bean
    VendorEndpoints revdeskWebhookEndpoints(RevhooksProperties properties, ReceiverSettings shared) {
        RevDesk revdesk = properties.getRevdesk();
        List<Secret> secrets = PropertySecrets.optional("revhooks.revdesk.secret", revdesk.getSecret(),
                "revhooks.revdesk.secrets", revdesk.getSecrets());
        if (revdesk.getEndpoints().isEmpty()) {
            throw new InvalidWebhookPropertyException("revhooks.revdesk.endpoints",
                    "is missing: list one endpoint (event-type and path) per subscribed event type");
        }
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < revdesk.getEndpoints().size(); i++) {
            endpoints.add(endpoint("revhooks.revdesk.endpoints[" + i + "]", revdesk.getEndpoints().get(i), secrets, shared));
        }
        return new VendorEndpoints(endpoints);
    }

    private static WebhookEndpoint endpoint(String name, RevDeskEndpoint endpoint, List<Secret> secrets,
                                            ReceiverSettings shared) {
        RevDeskEventType type = eventType(name + ".event-type", endpoint.getEventType());
        String path = EndpointProperties.path(name + ".path", endpoint.getPath());
        RevDeskWebhooks.Builder builder = RevDeskWebhooks.builder()
                .settings(EndpointProperties.withSecrets(shared, secrets, "revhooks.revdesk.secrets"))
                .subscribedTo(type);
        if (secrets.isEmpty() && !endpoint.isAcceptUnauthenticatedUnsignedEvents()) {
            throw new InvalidWebhookPropertyException("revhooks.revdesk.secret", "is missing: " + name
                    + " serves signed deliveries; set it (or revhooks.revdesk.secrets), or opt in with "
                    + name + ".accept-unauthenticated-unsigned-events for an unsigned family");
        }
        boolean guarded = false;
        if (endpoint.getPathToken() != null) {
            builder.requestGuard(PathTokenGuard.lastPathSegment(
                    PropertySecrets.secret(name + ".path-token", null, endpoint.getPathToken())));
            guarded = true;
        }
        if (!endpoint.getAllowedSources().isEmpty()) {
            builder.requestGuard(sourceGuard(name, endpoint));
            guarded = true;
        }
        if (endpoint.isAcceptUnauthenticatedUnsignedEvents()) {
            builder.acceptUnauthenticatedUnsignedEvents();
            if (!guarded) {
                LOG.warn(name + " accepts unsigned RevDesk deliveries with no path-token or allowed-sources:"
                        + " anyone who can reach " + path + " can send one");
            }
        }
        return new WebhookEndpoint(name + ".path", path, endpoint.getPathToken() != null, builder.build(),
                RevDeskEvent.class, event -> ((RevDeskEvent) event).type(), WebhookEndpoint.Answer.NO_CONTENT);
    }

    private static SourceAddressGuard sourceGuard(String name, RevDeskEndpoint endpoint) {
        List<String> ranges = endpoint.getAllowedSources();
        for (int j = 0; j < ranges.size(); j++) {
            try {
                CidrRange.parse(ranges.get(j));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidWebhookPropertyException(name + ".allowed-sources[" + j + "]",
                        "is not a CIDR range or IP address, e.g. 203.0.113.0/24 or 2001:db8::/32");
            }
        }
        if (endpoint.getTrustedProxyHops() < 0) {
            throw new InvalidWebhookPropertyException(name + ".trusted-proxy-hops", "must not be negative");
        }
        SourceAddressGuard guard = SourceAddressGuard.allowing(ranges);
        return endpoint.getTrustedProxyHops() > 0 ? guard.trustingProxyHops(endpoint.getTrustedProxyHops()) : guard;
    }

    private static RevDeskEventType eventType(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidWebhookPropertyException(property, "is missing: name the subscribed event type, e.g. number_purchased");
        }
        for (RevDeskEventType type : RevDeskEventType.values()) {
            if (type != RevDeskEventType.UNKNOWN && (value.equals(type.wireName()) || value.equals(type.name()))) {
                return type;
            }
        }
        throw new InvalidWebhookPropertyException(property, "names no RevDesk event type; use one of "
                + Arrays.stream(RevDeskEventType.values()).filter(t -> t != RevDeskEventType.UNKNOWN)
                        .map(RevDeskEventType::wireName).collect(Collectors.joining(", ")));
    }
}
