package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.jdbc.JdbcReplayGuard;
import dev.revhooks.jdbc.TableName;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The README's wiring, compiled and built here; the README quotes it verbatim. */
class ReadmeExampleTest {

    private final MeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final ObservationRegistry observationRegistry = TestObservationRegistry.create();
    private final Secret secret = Secret.of("whsec_micrometer_readme");

    RevontWebhooks wiring() {
        // README wiring: from here
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.builder(meterRegistry)
                .observationRegistry(observationRegistry)        // optional: one span per delivery
                .build();
        RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(observer).build();
        WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont)
                .replayGuard(InMemoryReplayGuard.builder().build())
                .observer(observer, RevontEvent::type)           // the filter's own outcomes, with the event type
                .build();
        // README wiring: to here
        assertThat(filter).isNotNull();
        return revont;
    }

    void storeWiring(RevontWebhooks revont, javax.sql.DataSource dataSource) {
        // README stores: from here
        ReplayGuard guard = MeteredReplayGuard.of(JdbcReplayGuard.builder(dataSource).build(), meterRegistry, "postgresql");
        WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont).replayGuard(guard).build();

        JdbcInbox inbox = JdbcInbox.builder(dataSource).vendor(revont, (event, context) -> { }).build();
        InboxMetrics.of(inbox, "webhooks").bindTo(meterRegistry);  // in Spring Boot: a MeterBinder bean is enough
        // README stores: to here
        assertThat(filter).isNotNull();
    }

    @Test
    void theStoreWiringBuildsOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:micrometer-readme;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : Stream.concat(JdbcReplayGuard.ddl(TableName.of("revhooks_replay_guard")).stream(),
                    JdbcInbox.ddl(TableName.of("revhooks_inbox")).stream()).toList()) {
                statement.execute(ddl);
            }
        }
        storeWiring(wiring(), h2);
        assertThat(meterRegistry.find(MeteredReplayGuard.CLAIM).tag("store", "postgresql").timers()).hasSize(4);
        assertThat(meterRegistry.get(InboxMetrics.BACKLOG).tag("inbox", "webhooks").gauge().value()).isZero();
    }

    @Test
    void theWiringBuilds() {
        assertThat(wiring()).isNotNull();
    }

    @Test
    void theReadmeQuotesTheCompiledExample() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/micrometer/ReadmeExampleTest.java"), "wiring", "stores");
    }
}
