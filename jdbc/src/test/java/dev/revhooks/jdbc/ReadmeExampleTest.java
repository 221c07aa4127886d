package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.Secret;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.jdbc.inbox.RetryPolicy;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revrag.RevRagWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's two wiring examples, compiled here against the real API; the README quotes them
 * verbatim. The replay guard's wiring also runs, on H2; the inbox's needs a servlet container and
 * is run by {@code InboxFilterTest}.
 */
class ReadmeExampleTest {

    /** The app's summary store. */
    interface Summaries {
        void save(RevontEvent event);
    }

    /** The app's call log. */
    interface Calls {
        void record(RevRagEvent event);
    }

    private final RevontWebhooks revont = RevontWebhooks.builder().secret(Secret.of("whsec_jdbc_readme")).build();
    private final RevRagWebhooks revrag = RevRagWebhooks.builder().secret(Secret.of("current", "revrag_jdbc_readme")).build();
    private final Summaries summaries = event -> { };
    private final Calls calls = event -> { };

    JdbcReplayGuard replayGuard(HikariDataSource dataSource, ScheduledExecutorService scheduler) {
        // README replay guard: from here
        JdbcReplayGuard guard = JdbcReplayGuard.builder(dataSource)   // your pool; connectionTimeout a few seconds
                .table("revhooks_replay_guard")                       // the default; "schema.table" works too
                .build();                                             // dialect detected from the driver
        WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont).replayGuard(guard).build();

        // the app schedules the purge (any instance, or all: they do not block each other)
        scheduler.scheduleWithFixedDelay(() -> { while (guard.purgeExpired(1_000) == 1_000) { } }, 1, 1, TimeUnit.MINUTES);
        // README replay guard: to here
        assertThat(filter).isNotNull();
        return guard;
    }

    void inbox(HikariDataSource dataSource, ServletContext servletContext) {
        // README inbox: from here
        JdbcInbox inbox = JdbcInbox.builder(dataSource)                 // the app's pool (HikariCP, ...)
                .vendor(revont, (event, context) -> summaries.save(event))
                .vendor(revrag, (event, context) -> calls.record(event))
                .keepHeaders("X-Webhook-Event", "X-Webhook-ID")          // what RevRag's parse reads
                .retryPolicy(new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1)))
                .workers(4)
                .build();                                                // dialect detected from the driver
        inbox.start();

        servletContext.addFilter("revont", WebhookFilter.builder(revont).inbox(inbox, RevontEvent::event).build())
                .addMappingForUrlPatterns(null, false, "/hooks/revont");

        // on shutdown: stop taking rows, let running handlers finish, hand the rest back
        inbox.shutdown(Duration.ofSeconds(30));
        // README inbox: to here
    }

    @Test
    void theReplayGuardWiringRunsOnH2() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (HikariDataSource dataSource = Databases.pool(Databases.newH2Url(), 2)) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String sql : JdbcReplayGuard.ddl(TableName.of("revhooks_replay_guard"))) {
                    statement.execute(sql);
                }
            }
            JdbcReplayGuard guard = replayGuard(dataSource, scheduler);
            assertThat(guard.claim(new DeliveryKey("readme-1")).claim()).isEqualTo(Claim.NEW);
            assertThat(guard.claim(new DeliveryKey("readme-1")).claim()).isEqualTo(Claim.IN_PROGRESS);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theReadmeQuotesTheCompiledExamples() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/jdbc/ReadmeExampleTest.java"), "replay guard", "inbox");
    }
}
