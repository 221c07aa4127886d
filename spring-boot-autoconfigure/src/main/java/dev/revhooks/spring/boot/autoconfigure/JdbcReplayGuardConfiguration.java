package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.jdbc.JdbcReplayGuard;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.ReplayGuardProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code revhooks.replay-guard.type=jdbc}: the shared guard on the app's {@link DataSource}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.revhooks.jdbc.JdbcReplayGuard")
@ConditionalOnProperty(prefix = "revhooks.replay-guard", name = "type", havingValue = "jdbc")
class JdbcReplayGuardConfiguration {

    @Bean
    @ConditionalOnMissingBean(ReplayGuard.class)
    JdbcReplayGuard revhooksJdbcReplayGuard(RevhooksProperties properties, ObjectProvider<DataSource> dataSource) {
        DataSource source = dataSource.getIfUnique();
        if (source == null) {
            throw new InvalidWebhookPropertyException("revhooks.replay-guard.type",
                    "is jdbc but the app has no single DataSource bean");
        }
        ReplayGuardProperties settings = properties.getReplayGuard();
        JdbcReplayGuard.Builder builder = JdbcReplayGuard.builder(source);
        if (settings.getJdbc().getTable() != null) {
            try {
                builder.table(settings.getJdbc().getTable());
            } catch (IllegalArgumentException e) {
                throw new InvalidWebhookPropertyException("revhooks.replay-guard.jdbc.table", e.getMessage());
            }
        }
        if (settings.getLease() != null) {
            builder.lease(settings.getLease());
        }
        if (settings.getRetention() != null) {
            builder.retention(settings.getRetention());
        }
        if (settings.getJdbc().isCreateTableIfMissing()) {
            builder.createTableIfMissing();
        }
        return builder.build();
    }
}
