package dev.revhooks.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The inbox benchmarks' database: an embedded PostgreSQL with {@code fsync} and
 * {@code synchronous_commit} on (the embedded default is off, which would measure commits that a
 * crash loses), pools over it, and signed Revont deliveries that differ by number.
 */
final class InboxDatabase implements AutoCloseable {

    static final Secret SECRET = Secret.of("bench", "whsec_inbox_bench_2b7e151628aed2a6");
    static final RevontWebhooks REVONT = RevontWebhooks.builder().secret(SECRET).build();
    static final RevontSigner SIGNER = RevontSigner.of(SECRET);

    final EmbeddedPostgres postgres;

    InboxDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    static WebhookRequest signed(int n) {
        return SIGNER.sign(("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{\"call_id\":\"call_" + n
                + "\",\"rep_id\":\"user_xyz789\",\"prospect_email\":\"jane@acmecorp.com\",\"duration_seconds\":2847,"
                + "\"summary_url\":\"https://app.revont.ai/calls/call_" + n + "/summary\",\"coaching_score\":82}}")
                .getBytes(StandardCharsets.UTF_8));
    }

    static void execute(HikariDataSource pool, String... statements) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
