package dev.revhooks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for the tests: one embedded PostgreSQL per test JVM (started on first use, with
 * {@code fsync} and {@code synchronous_commit} on, so an acknowledged commit survives a crash as in
 * production), H2 in memory, and separate pools over them as separate app instances would have.
 */
public final class Databases {

    private static final AtomicInteger H2_NAMES = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private Databases() {
    }

    /** The suite's PostgreSQL, started once and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres postgres() {
        if (shared == null) {
            shared = startPostgres(0, null);
            EmbeddedPostgres started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending anyway
                }
            }));
        }
        return shared;
    }

    /**
     * A durable PostgreSQL; {@code port} 0 picks a free one, and a data directory given is kept,
     * so a server stopped and started again on the same port and directory has every commit it
     * acknowledged.
     */
    public static EmbeddedPostgres startPostgres(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pool of its own over a PostgreSQL server: one app instance. */
    public static HikariDataSource pool(EmbeddedPostgres postgres, int size) {
        return pool(postgres.getJdbcUrl("postgres", "postgres"), size, Duration.ofSeconds(10));
    }

    /** A fresh, named in-memory H2 database that lives until the JVM ends. */
    public static String newH2Url() {
        return "jdbc:h2:mem:revhooks" + H2_NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    public static HikariDataSource pool(String jdbcUrl, int size) {
        return pool(jdbcUrl, size, Duration.ofSeconds(10));
    }

    /** A pool whose wait for a connection is bounded by {@code connectionTimeout}: an unreachable database fails that fast. */
    public static HikariDataSource pool(String jdbcUrl, int size, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(connectionTimeout.toMillis() / 2, 2_000));
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
