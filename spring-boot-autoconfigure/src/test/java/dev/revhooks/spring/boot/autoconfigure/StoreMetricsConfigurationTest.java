package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.jdbc.JdbcReplayGuard;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.micrometer.InboxMetrics;
import dev.revhooks.micrometer.MeteredReplayGuard;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replay guard's and the inbox's meters, wired when the app has a MeterRegistry. */
class StoreMetricsConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RevhooksAutoConfiguration.class))
            .withPropertyValues("revhooks.revont.path=/hooks/revont", "revhooks.revont.secret=whsec_store_metrics");

    @Test
    void anInboxBeanGetsItsGaugesThroughAMeterBinder() {
        runner.withUserConfiguration(Meters.class, Inbox.class).run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean("revhooksInboxMetrics", MeterBinder.class).bindTo(registry);
            assertThat(registry.get(InboxMetrics.BACKLOG).tag("inbox", "inbox").gauge().value()).isZero();
            assertThat(registry.get(InboxMetrics.DEAD_LETTERS).tag("inbox", "inbox").gauge().value()).isZero();
        });
    }

    @Test
    void withoutAnInboxBeanTheBinderBindsNothing() {
        runner.withUserConfiguration(Meters.class).run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean("revhooksInboxMetrics", MeterBinder.class).bindTo(registry);
            assertThat(registry.getMeters()).isEmpty();
        });
    }

    @Test
    void theGuardIsWrappedOnceWithTheAppsRegistryAndLeftAloneWithoutOne() {
        ReplayGuard memory = InMemoryReplayGuard.builder().build();
        runner.withUserConfiguration(Meters.class).run(context -> {
            ReplayGuard wrapped = context.getBean(ReplayGuardMetering.class).wrap(memory);
            assertThat(wrapped).isInstanceOfSatisfying(MeteredReplayGuard.class, m -> assertThat(m.guard()).isSameAs(memory));
            assertThat(context.getBean(ReplayGuardMetering.class).wrap(wrapped)).isSameAs(wrapped);
            assertThat(context.getBean(SimpleMeterRegistry.class).find(MeteredReplayGuard.CLAIM).tag("store", "memory").timers())
                    .hasSize(4);
        });
        runner.run(context -> assertThat(context.getBean(ReplayGuardMetering.class).wrap(memory)).isSameAs(memory));
    }

    @Test
    void theStoreTagNamesTheLibrarysGuardsAndAppForAnyOther() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:store-name-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertThat(MicrometerObserverConfiguration.storeName(InMemoryReplayGuard.builder().build())).isEqualTo("memory");
        assertThat(MicrometerObserverConfiguration.storeName(JdbcReplayGuard.builder(h2).build())).isEqualTo("jdbc");
        assertThat(MicrometerObserverConfiguration.storeName(new RevhooksAutoConfigurationTest.OwnGuard().ownGuard()))
                .isEqualTo("app");
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Inbox {
        @Bean
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:revhooks-inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }

        @Bean
        JdbcInbox inbox(DataSource dataSource) {
            return JdbcInbox.builder(dataSource).createTableIfMissing().build();
        }
    }
}
