package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.ReceiverSettings;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.servlet.UnparseableDeliveryHandler;
import dev.revhooks.servlet.WebhookFilter;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.ReplayGuardProperties;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.ReplayGuardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Serves every configured vendor's webhook path in a servlet web application: receivers from the
 * {@code revhooks.*} properties ({@link RevhooksProperties}), the servlet module's filter in front
 * of them, and the {@link WebhookListener} methods behind. The vendor gets its answer from here
 * ({@code 204} when the listeners ran, the servlet module's statuses otherwise): no controller.
 *
 * <pre>{@code
 * revhooks:
 *   revont:
 *     path: /hooks/revont
 *     secret: ${REVONT_WEBHOOK_SECRET}
 * }</pre>
 *
 * <p>The filter runs at {@link #FILTER_ORDER}, before Spring Security's filter chain, and answers
 * webhook requests itself: they need no session or CSRF token and never reach Security or MVC;
 * every other request passes through untouched.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebhookFilter.class)
@EnableConfigurationProperties(RevhooksProperties.class)
@Import({RevontEndpointConfiguration.class, RevRagEndpointConfiguration.class, RevRingEndpointConfiguration.class,
        RevDeskEndpointConfiguration.class, JdbcReplayGuardConfiguration.class, RedisReplayGuardConfiguration.class,
        ReplayStoreHealthConfiguration.class, MicrometerObserverConfiguration.class})
public class RevhooksAutoConfiguration {

    /** The webhook filter's order: before Spring Security's chain (-100) and any filter reading the body. */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Used by Spring. */
    public RevhooksAutoConfiguration() {
    }

    /**
     * What every receiver shares: the limits from {@code revhooks.*} and the app's
     * {@link WebhookObserver} bean (e.g. the Micrometer one), if it has exactly one.
     *
     * @param properties the properties
     * @param observer the app's observer, if any
     * @return the settings, without secrets (each vendor adds its own)
     */
    @Bean
    @ConditionalOnMissingBean
    public ReceiverSettings revhooksReceiverSettings(RevhooksProperties properties, ObjectProvider<WebhookObserver> observer) {
        JacksonVersionCheck.warnIfOlder();
        return EndpointProperties.shared(properties, observer.getIfUnique());
    }

    @Bean
    static WebhookListenerRegistry revhooksWebhookListeners() {
        return new WebhookListenerRegistry();
    }

    /**
     * The in-memory replay guard, for {@code revhooks.replay-guard.type=memory}.
     *
     * @param properties the properties
     * @return the guard
     */
    @Bean
    @ConditionalOnMissingBean(ReplayGuard.class)
    @ConditionalOnProperty(prefix = "revhooks.replay-guard", name = "type", havingValue = "memory")
    public InMemoryReplayGuard revhooksReplayGuard(RevhooksProperties properties) {
        ReplayGuardProperties settings = properties.getReplayGuard();
        InMemoryReplayGuard.Builder builder = InMemoryReplayGuard.builder();
        if (settings.getRetention() != null) {
            builder.retention(settings.getRetention());
        }
        if (settings.getInProgressTimeout() != null) {
            builder.inProgressTimeout(settings.getInProgressTimeout());
        }
        return builder.build();
    }

    @Bean
    FilterRegistrationBean<WebhookDispatchFilter> revhooksWebhookFilter(RevhooksProperties properties, ReceiverSettings settings,
            ObjectProvider<VendorEndpoints> vendors, WebhookListenerRegistry listeners, ObjectProvider<ReplayGuard> replayGuard,
            ObjectProvider<UnparseableDeliveryHandler> unparseableHandler, ObjectProvider<ReplayGuardMetering> metering) {
        List<WebhookEndpoint> endpoints = distinctPaths(vendors);
        ReplayGuard guard = replayGuard.getIfUnique();
        ReplayGuardType type = properties.getReplayGuard().getType();
        if (guard == null && type != ReplayGuardType.NONE) {
            throw new InvalidWebhookPropertyException("revhooks.replay-guard.type", "is " + type.name().toLowerCase(Locale.ROOT)
                    + " but no replay guard was made: put revhooks-" + type.name().toLowerCase(Locale.ROOT)
                    + " on the classpath (and, for redis, lettuce-core)");
        }
        ReplayGuardMetering meteringOrNone = metering.getIfUnique();
        if (guard != null && meteringOrNone != null) {
            guard = meteringOrNone.wrap(guard);
        }
        WebhookDispatchFilter filter = new WebhookDispatchFilter(endpoints, listeners, guard, unparseableHandler.getIfUnique(),
                settings.observer());
        FilterRegistrationBean<WebhookDispatchFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("revhooksWebhookFilter");
        registration.setOrder(FILTER_ORDER);
        registration.setUrlPatterns(filter.urlPatterns());
        // With no endpoint the registration would map to /*; serve nothing instead.
        registration.setEnabled(!endpoints.isEmpty());
        return registration;
    }

    @Bean
    SmartInitializingSingleton revhooksListenerCheck(ObjectProvider<VendorEndpoints> vendors, WebhookListenerRegistry listeners) {
        return () -> ListenerCheck.check(listeners.listeners(), distinctPaths(vendors));
    }

    private static List<WebhookEndpoint> distinctPaths(ObjectProvider<VendorEndpoints> vendors) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        vendors.orderedStream().forEach(vendor -> endpoints.addAll(vendor.endpoints()));
        for (int i = 0; i < endpoints.size(); i++) {
            for (int j = 0; j < i; j++) {
                WebhookEndpoint a = endpoints.get(i);
                WebhookEndpoint b = endpoints.get(j);
                if (a.path().equals(b.path()) || a.tokenSegment() && a.serves(b.path()) || b.tokenSegment() && b.serves(a.path())) {
                    throw new InvalidWebhookPropertyException(a.property(), "is the same path as "
                            + b.property() + ": each webhook path serves one vendor endpoint");
                }
            }
        }
        return endpoints;
    }
}
