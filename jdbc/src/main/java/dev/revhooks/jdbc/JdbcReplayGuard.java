package dev.revhooks.jdbc;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayExpiry;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link ReplayGuard} in a database table, shared by every instance of the app: PostgreSQL (the
 * first-class target) or H2 (development and tests), over the app's own {@link DataSource} (its
 * pool, its driver).
 *
 * <p>Claims are leases (default 5 minutes) and processed keys are kept for a retention (default
 * 24 hours); both are measured by the database's clock, never the instances', so instances whose
 * clocks disagree still agree on expiry. A claim's {@link ClaimToken} is stored with the row, and
 * {@link #complete}/{@link #release} are conditional statements on it: a stale owner whose lease
 * was taken over changes nothing. Every database error (unreachable, timing out, missing table)
 * is a {@link ReplayStoreUnavailableException} naming the operation, with the driver's exception
 * as cause. Expired rows stay until {@link #purgeExpired(int)} deletes them: schedule it.
 *
 * <pre>{@code
 * JdbcReplayGuard guard = JdbcReplayGuard.builder(dataSource)   // the app's HikariCP pool
 *         .table("revhooks_replay_guard")                       // created by your migrations
 *         .build();                                             // dialect detected from the driver
 * WebhookFilter.builder(revont).replayGuard(guard).build();
 * scheduler.scheduleWithFixedDelay(() -> guard.purgeExpired(1_000), 1, 1, TimeUnit.MINUTES);
 * }</pre>
 */
public final class JdbcReplayGuard implements ReplayGuard {

    /** The classpath resource of the table's DDL, a Flyway-style versioned migration for PostgreSQL and H2. */
    public static final String MIGRATION = "db/revhooks/V1__revhooks_replay_guard.sql";

    private static final String DEFAULT_TABLE = "revhooks_replay_guard";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int CLAIM_ATTEMPTS = 3;
    /** setNetworkTimeout wants an executor; pgjdbc runs nothing on it. */
    private static final java.util.concurrent.Executor DIRECT = Runnable::run;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TableName table;
    private final ReplayGuardSql sql;
    private final long leaseMillis;
    private final long retentionMillis;
    private final int timeoutSeconds;

    private JdbcReplayGuard(Builder builder, SqlDialect dialect) {
        this.dataSource = builder.dataSource;
        this.dialect = dialect;
        this.table = builder.table;
        this.sql = ReplayGuardSql.of(dialect, builder.table);
        this.leaseMillis = builder.expiry.lease().toMillis();
        this.retentionMillis = builder.expiry.retention().toMillis();
        this.timeoutSeconds = (int) builder.statementTimeout.toSeconds();
    }

    /**
     * A builder over the app's data source.
     *
     * @param dataSource the app's pool; connections are borrowed per operation and closed at once
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * The statements of {@link #MIGRATION} with {@code table} in place of the default name, for an
     * app that runs its own DDL under another name.
     *
     * @param table the table name
     * @return the DDL statements, in order
     */
    public static List<String> ddl(TableName table) {
        return Migration.statements(MIGRATION, DEFAULT_TABLE, table);
    }

    @Override
    public ClaimResult claim(DeliveryKey key) {
        String stored = StoredKey.of(Objects.requireNonNull(key, "key"));
        ClaimToken token = ClaimToken.random();
        return withConnection("claim", connection -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                if (take(connection, stored, token)) {
                    return ClaimResult.claimed(token);
                }
                Boolean processed = liveState(connection, stored);
                if (processed != null) {
                    return ClaimResult.notClaimed(processed ? Claim.ALREADY_PROCESSED : Claim.IN_PROGRESS);
                }
                // The row expired or was purged between the statements: try to take it again.
            }
            return ClaimResult.notClaimed(Claim.IN_PROGRESS); // contended all along: the sender retries later
        });
    }

    @Override
    public boolean complete(DeliveryKey key, ClaimToken token) {
        String stored = StoredKey.of(Objects.requireNonNull(key, "key"));
        if (token == null) {
            return false;
        }
        return withConnection("complete", connection -> update(connection, sql.complete(), retentionMillis, stored, token.value()) == 1);
    }

    @Override
    public boolean release(DeliveryKey key, ClaimToken token) {
        String stored = StoredKey.of(Objects.requireNonNull(key, "key"));
        if (token == null) {
            return false;
        }
        return withConnection("release", connection -> update(connection, sql.release(), stored, token.value()) == 1);
    }

    /**
     * Deletes at most {@code batchSize} expired rows (claims whose lease ended, processed keys past
     * their retention), by the database's clock, in one short statement. Schedule it (every minute
     * or so) and call it again while it returns {@code batchSize}: the table then holds only the
     * keys claimed within the last retention, however many distinct keys arrive. Safe to run on
     * every instance at once (PostgreSQL skips rows another purge has locked).
     *
     * <pre>{@code
     * while (guard.purgeExpired(1_000) == 1_000) { }
     * }</pre>
     *
     * @param batchSize the most rows to delete, 1 to 100,000
     * @return how many rows were deleted
     * @throws IllegalArgumentException if the batch size is out of range
     * @throws ReplayStoreUnavailableException if the database could not answer
     */
    public int purgeExpired(int batchSize) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize must be 1 to 100000");
        }
        return withConnection("purgeExpired", connection -> update(connection, sql.purge(), batchSize));
    }

    /**
     * The SQL dialect in use, chosen or detected.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * The table in use.
     *
     * @return the checked table name
     */
    public TableName table() {
        return table;
    }

    @Override
    public String toString() {
        return "JdbcReplayGuard[" + dialect + ", table=" + table + ", leaseMillis=" + leaseMillis
                + ", retentionMillis=" + retentionMillis + "]";
    }

    private boolean take(Connection connection, String stored, ClaimToken token) throws SQLException {
        try {
            if (sql.takeOver() == null) {
                return update(connection, sql.claim(), stored, token.value(), leaseMillis, token.value(), leaseMillis) == 1;
            }
            return update(connection, sql.claim(), stored, token.value(), leaseMillis) == 1
                    || update(connection, sql.takeOver(), token.value(), leaseMillis, stored) == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // H2: another instance inserted the key at the same moment
            }
            throw e;
        }
    }

    private Boolean liveState(Connection connection, String stored) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql.state(), stored); ResultSet rows = statement.executeQuery()) {
            Boolean processed = rows.next() ? rows.getBoolean(1) : null;
            commitIfManual(connection);
            return processed;
        }
    }

    private int update(Connection connection, String text, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, text, parameters)) {
            int count = statement.executeUpdate();
            commitIfManual(connection);
            return count;
        }
    }

    private PreparedStatement prepare(Connection connection, String text, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        try {
            if (dialect != SqlDialect.POSTGRESQL) {
                statement.setQueryTimeout(timeoutSeconds);
            }
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Work on one borrowed connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Borrows a connection, bounds its reads ({@link #bound}), runs the work and gives both back;
     * any SQL failure, the pool's included, is the store being unavailable.
     */
    private <T> T withConnection(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int previous = bound(connection);
            try {
                return work.run(connection);
            } finally {
                unbound(connection, previous);
            }
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * PostgreSQL: bounds every read from the database by the statement timeout, through the
     * connection's network timeout (one socket option), and returns the value it replaced. pgjdbc's
     * query timeout schedules and cancels a timer task per statement (about a fifth of a claim's
     * time on one thread, BENCHMARKS.md) and relies on the server answering a cancel request, which
     * a database that stopped answering never does; a network timeout bounds that case too. H2
     * keeps the statement's query timeout, which it checks as it runs.
     */
    private int bound(Connection connection) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL) {
            return -1;
        }
        int previous = connection.getNetworkTimeout();
        connection.setNetworkTimeout(DIRECT, timeoutSeconds * 1000);
        return previous;
    }

    /** Gives the connection back its own network timeout; nothing to do when the read timed out and closed it. */
    private void unbound(Connection connection, int previous) {
        if (previous < 0) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                connection.setNetworkTimeout(DIRECT, previous);
            }
        } catch (SQLException ignored) {
            // the connection broke; the pool discards it
        }
    }

    /** A pool handing out connections with auto-commit off: every statement here stands alone. */
    private static void commitIfManual(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private ReplayStoreUnavailableException unavailable(String operation, SQLException e) {
        return new ReplayStoreUnavailableException(dialect + " replay guard (table " + table + "): " + operation
                + " failed, SQLState " + e.getSQLState(), e);
    }

    private static void createIfMissing(DataSource dataSource, TableName table) throws SQLException {
        Migration.run(dataSource, ddl(table));
    }

    /** Builds a {@link JdbcReplayGuard}. */
    public static final class Builder {
        private final DataSource dataSource;
        private SqlDialect dialect;
        private TableName table = TableName.of(DEFAULT_TABLE);
        private ReplayExpiry expiry = ReplayExpiry.DEFAULT;
        private Duration statementTimeout = Duration.ofSeconds(5);
        private boolean createTableIfMissing;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The SQL dialect; without it, {@link #build()} detects it from the driver's metadata.
         *
         * @param dialect POSTGRESQL or H2
         * @return this builder
         */
        public Builder dialect(SqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * The table (default {@code revhooks_replay_guard}), optionally schema-qualified.
         *
         * @param table a checked name
         * @return this builder
         */
        public Builder table(TableName table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * The table by name, checked by {@link TableName#of(String)}.
         *
         * @param qualifiedName {@code table} or {@code schema.table}
         * @return this builder
         * @throws IllegalArgumentException if the name is not one or two plain identifiers
         */
        public Builder table(String qualifiedName) {
            return table(TableName.of(qualifiedName));
        }

        /**
         * The lease and retention (default {@link ReplayExpiry#DEFAULT}: 5 minutes, 24 hours).
         *
         * @param expiry the durations
         * @return this builder
         */
        public Builder expiry(ReplayExpiry expiry) {
            this.expiry = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /**
         * The lease alone: see {@link ReplayExpiry#lease()}.
         *
         * @param lease at least 1 millisecond
         * @return this builder
         */
        public Builder lease(Duration lease) {
            return expiry(expiry.withLease(lease));
        }

        /**
         * The retention alone: see {@link ReplayExpiry#retention()}.
         *
         * @param retention at least 1 millisecond
         * @return this builder
         */
        public Builder retention(Duration retention) {
            return expiry(expiry.withRetention(retention));
        }

        /**
         * How long the guard waits for the database (default 5 seconds); a call past it fails with
         * {@link ReplayStoreUnavailableException}. On PostgreSQL it is the connection's network
         * timeout while the guard uses the connection (its own value is given back after each
         * call): it also bounds a database that stopped answering altogether, which a query
         * timeout's cancel request cannot reach, and a read that times out closes that connection
         * (the pool replaces it; a claim the database still commits later is taken over after its
         * lease). On H2 it is each statement's query timeout. The pool's connection timeout bounds
         * the wait for a connection: keep it short too (a few seconds) so an unreachable database
         * answers fast.
         *
         * @param timeout whole seconds, 1 to 3600
         * @return this builder
         */
        public Builder statementTimeout(Duration timeout) {
            if (timeout == null || timeout.toSeconds() < 1 || timeout.toSeconds() > 3600 || timeout.toNanosPart() != 0) {
                throw new IllegalArgumentException("statementTimeout must be whole seconds, 1 to 3600");
            }
            this.statementTimeout = timeout;
            return this;
        }

        /**
         * Creates the table and its index at {@link #build()} when they are missing ({@code CREATE
         * ... IF NOT EXISTS}, the statements of {@link #ddl(TableName)}). For quick starts and tests;
         * in production run {@link #MIGRATION} with your migrations instead.
         *
         * @return this builder
         */
        public Builder createTableIfMissing() {
            this.createTableIfMissing = true;
            return this;
        }

        /**
         * Builds the guard; detects the dialect and creates the table when asked to, each with one
         * connection.
         *
         * @return the guard
         * @throws ReplayStoreUnavailableException if the database was needed and could not answer
         * @throws IllegalArgumentException if the dialect is detected and is neither PostgreSQL nor H2
         */
        public JdbcReplayGuard build() {
            SqlDialect chosen = dialect;
            try {
                if (chosen == null) {
                    chosen = SqlDialect.detect(dataSource);
                }
                if (createTableIfMissing) {
                    createIfMissing(dataSource, table);
                }
            } catch (SQLException e) {
                throw new ReplayStoreUnavailableException("replay guard (table " + table + "): set-up failed, SQLState "
                        + e.getSQLState(), e);
            }
            return new JdbcReplayGuard(this, chosen);
        }
    }
}
