package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.Authentication;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.inbox.DeliveryInbox;
import dev.revhooks.core.inbox.InboxBacklog;
import dev.revhooks.core.inbox.InboxObserver;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.core.inbox.InboxUnavailableException;
import dev.revhooks.jdbc.Migration;
import dev.revhooks.jdbc.SqlDialect;
import dev.revhooks.jdbc.StoredKey;
import dev.revhooks.jdbc.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * A durable inbox in a database table (PostgreSQL; H2 for development): acknowledge a delivery
 * once it is stored, process it on workers in every instance of the app, retry with backoff, keep
 * what keeps failing as a dead letter.
 *
 * <pre>{@code
 * JdbcInbox inbox = JdbcInbox.builder(dataSource)            // the app's pool
 *         .vendor(revont, (event, context) -> summaries.save(event))
 *         .vendor(revrag, (event, context) -> calls.record(event))
 *         .keepHeaders("X-Webhook-Event", "X-Webhook-ID")     // what RevRag's parse reads
 *         .workers(4)
 *         .build();
 * inbox.start();
 * context.addFilter("revont", WebhookFilter.builder(revont).inbox(inbox, RevontEvent::event).build()) ...;
 * // on shutdown
 * inbox.shutdown(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p><b>Accept.</b> {@link #store} is one {@code INSERT} (committed when it returns) of the vendor,
 * the delivery key (unique per vendor: a retry of a stored delivery is not stored twice), the event
 * type, the database's time, the raw body, the request headers named by {@link Builder#keepHeaders}
 * and how the request was authenticated. A body that did not parse is stored as a dead letter with
 * its reason. Any database error is an {@link InboxUnavailableException}: nothing stored, so the
 * filter answers {@code 503}.
 *
 * <p><b>Process.</b> Each worker takes up to {@link Builder#batchSize} due rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (so workers in every instance share the table without
 * waiting on each other), leases them for {@link Builder#lease} by the database's clock, and for
 * each one opens a transaction, parses the stored body with the vendor's receiver
 * ({@link WebhookReceiver#parse}) and calls the handler. Success marks the row done in that same
 * transaction, only while the worker still holds the lease. An exception rolls the transaction back
 * and schedules the next attempt ({@link RetryPolicy}); after the last one, or at once when the body
 * does not parse, the row is a dead letter with the error's class and message.
 *
 * <p><b>A worker that dies</b> (process killed, machine lost, database connection cut) holds its
 * rows' leases until they end: the rows are then due again and taken by any worker, after at most
 * the lease plus one poll interval from when they were taken (5 minutes and 1 second by default).
 * The lease is measured with the database's clock, so instances whose clocks disagree agree on it.
 * A handler running past its lease may run twice at once: keep the lease longer than your slowest
 * handler. Each taking counts as an attempt, so a delivery that kills its worker every time ends as
 * a dead letter.
 *
 * <p><b>Contracts.</b> At least once for every handler. Exactly once for effects written through
 * {@link InboxContext#connection()} into the inbox's database: they commit with "done" or not at
 * all, and "done" commits only while the worker holds the lease.
 *
 * <p>Instances are thread-safe. {@link #shutdown(Duration)} stops taking rows, lets running
 * handlers finish within the grace period and hands unstarted rows back at once.
 */
public final class JdbcInbox implements DeliveryInbox, InboxBacklog, AutoCloseable {

    /** The classpath resource of the table's DDL, a Flyway-style versioned migration for PostgreSQL and H2. */
    public static final String MIGRATION = "db/revhooks/V2__revhooks_inbox.sql";

    private static final System.Logger LOG = System.getLogger(JdbcInbox.class.getName());
    private static final String DEFAULT_TABLE = "revhooks_inbox";
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final int MAX_LABEL_LENGTH = 200;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TableName table;
    private final InboxSql sql;
    private final Map<String, Route<?>> routes;
    private final Set<String> keptHeaders;
    private final RetryPolicy retryPolicy;
    private final long leaseMillis;
    private final int batchSize;
    private final int workerCount;
    private final long pollMillis;
    private final LongSupplier timeShiftMillis;
    private final DoubleSupplier jitter;
    private final LongSupplier ticker;
    private final InboxObserver observer;
    private final Workers workers = new Workers(this);

    private JdbcInbox(Builder builder, SqlDialect dialect) {
        this.dataSource = builder.dataSource;
        this.dialect = dialect;
        this.table = builder.table;
        this.routes = Map.copyOf(builder.routes);
        this.sql = InboxSql.of(dialect, builder.table, routes.size());
        this.keptHeaders = StoredHeaders.names(builder.keptHeaders);
        this.retryPolicy = builder.retryPolicy;
        this.leaseMillis = builder.lease.toMillis();
        this.batchSize = builder.batchSize;
        this.workerCount = builder.workers;
        this.pollMillis = builder.pollInterval.toMillis();
        this.timeShiftMillis = builder.timeShiftMillis;
        this.jitter = builder.jitter;
        this.ticker = builder.ticker;
        this.observer = builder.observer;
    }

    /**
     * A builder over the app's data source.
     *
     * @param dataSource the app's pool; each worker holds one connection while it handles a delivery
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * The statements of {@link #MIGRATION} with {@code table} in place of the default name (and of
     * the index and constraint names derived from it), for an app that runs its own DDL.
     *
     * @param table the table name
     * @return the DDL statements, in order
     */
    public static List<String> ddl(TableName table) {
        return Migration.statements(MIGRATION, DEFAULT_TABLE, table);
    }

    // ---------------------------------------------------------------- accept

    @Override
    public boolean store(InboundDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        long now = timeShiftMillis.getAsLong();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql.insert())) {
            insert.setString(1, delivery.vendor());
            insert.setString(2, StoredKey.of(delivery.deliveryKey()));
            insert.setString(3, label(delivery.eventType()));
            insert.setLong(4, now);
            insert.setBytes(5, delivery.rawBody());
            insert.setString(6, StoredHeaders.encode(delivery.headers(), keptHeaders));
            insert.setString(7, delivery.authentication().method().name());
            insert.setString(8, delivery.authentication().credentialId());
            insert.setString(9, delivery.isParsed() ? InboxSql.PENDING : InboxSql.DEAD);
            insert.setLong(10, now);
            insert.setString(11, delivery.isParsed() ? null : error("WebhookPayloadException: " + delivery.parseFailure()));
            int inserted;
            try {
                inserted = insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                inserted = 0; // H2: a unique violation is a copy already stored
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return inserted == 1;
        } catch (SQLException e) {
            throw new InboxUnavailableException("inbox " + table + ": store failed (" + e.getClass().getSimpleName()
                    + ", SQL state " + e.getSQLState() + ")", e);
        }
    }

    // ---------------------------------------------------------------- process

    /**
     * Starts {@link Builder#workers} worker threads (daemon threads named
     * {@code revhooks-inbox-N}) that take and handle due deliveries until {@link #shutdown}.
     *
     * @throws IllegalStateException if already started, or if no vendor was registered
     */
    public void start() {
        if (routes.isEmpty()) {
            throw new IllegalStateException("no vendor registered: call Builder.vendor(receiver, handler) to process deliveries");
        }
        workers.start(workerCount);
    }

    /**
     * Stops taking deliveries, lets handlers already running finish for up to {@code grace}, hands
     * rows taken but not started back at once (due now, attempt not counted), and interrupts
     * handlers still running after the grace period: a handler that ends by throwing then is
     * handed back too; one that does not end keeps its lease until it expires.
     *
     * @param grace how long to wait for running handlers
     * @return true if every worker ended within the grace period
     */
    public boolean shutdown(Duration grace) {
        return workers.stop(Objects.requireNonNull(grace, "grace"));
    }

    /** {@link #shutdown(Duration)} with a 30 second grace period. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(30));
    }

    /**
     * Takes one batch of due deliveries and handles them on the calling thread (also without
     * {@link #start()}).
     *
     * @return how many deliveries were taken
     */
    int runOnce() {
        List<Claimed> rows;
        String token = java.util.UUID.randomUUID().toString();
        long taken = ticker.getAsLong();
        try {
            rows = claim(token);
        } catch (SQLException e) {
            throw unavailable("take deliveries", e);
        }
        for (int i = 0; i < rows.size(); i++) {
            // rows not started before half the lease has passed go back, rather than risk a second worker taking them mid-handler
            if (workers.stopping() || (i > 0 && ticker.getAsLong() - taken > leaseMillis * 500_000L)) {
                handBack(rows.subList(i, rows.size()), token);
                break;
            }
            process(rows.get(i), token);
        }
        return rows.size();
    }

    /** Takes (leases) up to a batch of due rows with {@code token}, in one committed transaction. */
    List<Claimed> claim(String token) throws SQLException {
        long now = timeShiftMillis.getAsLong();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<Claimed> rows = new ArrayList<>();
                if (sql.claimReturnsRows()) {
                    try (PreparedStatement claim = connection.prepareStatement(sql.claim())) {
                        int i = 1;
                        claim.setString(i++, token);
                        claim.setLong(i++, now + leaseMillis);
                        i = bindDue(claim, i, now);
                        try (ResultSet rs = claim.executeQuery()) {
                            while (rs.next()) {
                                rows.add(Claimed.read(rs));
                            }
                        }
                    }
                } else {
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement due = connection.prepareStatement(sql.claim())) {
                        bindDue(due, 1, now);
                        try (ResultSet rs = due.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                    try (PreparedStatement lease = connection.prepareStatement(sql.leaseOne())) {
                        for (long id : ids) {
                            lease.setString(1, token);
                            lease.setLong(2, now + leaseMillis);
                            lease.setLong(3, id);
                            lease.executeUpdate();
                        }
                    }
                    if (!ids.isEmpty()) {
                        try (PreparedStatement leased = connection.prepareStatement(sql.leased())) {
                            leased.setString(1, token);
                            try (ResultSet rs = leased.executeQuery()) {
                                while (rs.next()) {
                                    rows.add(Claimed.read(rs));
                                }
                            }
                        }
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private int bindDue(PreparedStatement statement, int index, long now) throws SQLException {
        int i = index;
        statement.setLong(i++, now);
        for (String vendor : routes.keySet()) {
            statement.setString(i++, vendor);
        }
        if (routes.isEmpty()) {
            statement.setString(i++, "");
        }
        statement.setInt(i++, batchSize);
        return i;
    }

    private void process(Claimed row, String token) {
        Route<?> route = routes.get(row.vendor());
        if (row.attempts() > retryPolicy.maxAttempts()) {
            finish(row, token, Outcome.DEAD, "lease expired " + (row.attempts() - 1) + " times: its worker stopped or ran"
                    + " past the lease during the last attempt");
            return;
        }
        WebhookRequest request = WebhookRequest.builder(row.body()).headers(StoredHeaders.decode(row.headers())).build();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                InboxContext context = new InboxContext(row.vendor(), row.deliveryKey(), row.eventType(), row.receivedAt(),
                        row.attempts(), row.authentication(), connection);
                Outcome outcome;
                String failure = null;
                try {
                    route.handle(request, context);
                    if (update(connection, sql.done(), timeShiftMillis.getAsLong(), row.id(), token) == 1) {
                        connection.commit();
                        observe(row, InboxObserver.Outcome.PROCESSED);
                        return;
                    }
                    connection.rollback();
                    LOG.log(System.Logger.Level.WARNING, "inbox {0}: delivery {1} handled after its lease was taken over;"
                            + " its transaction was rolled back", table, row.id());
                    return;
                } catch (WebhookPayloadException e) {
                    outcome = Outcome.DEAD;
                    failure = describe(e);
                } catch (Exception | LinkageError | AssertionError e) {
                    // a handler's failure, including errors its code raised; a VirtualMachineError ends the worker
                    outcome = workers.stopping() ? Outcome.HAND_BACK
                            : row.attempts() >= retryPolicy.maxAttempts() ? Outcome.DEAD : Outcome.RETRY;
                    failure = describe(e);
                }
                connection.rollback();
                connection.setAutoCommit(true);
                finish(connection, row, token, outcome, failure);
            } finally {
                if (!connection.isClosed()) {
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "inbox {0}: delivery {1} could not be settled ({2}); it is taken again"
                    + " when its lease ends", table, row.id(), e.getClass().getSimpleName());
        }
    }

    private enum Outcome { RETRY, DEAD, HAND_BACK }

    private void finish(Claimed row, String token, Outcome outcome, String failure) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            finish(connection, row, token, outcome, failure);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "inbox {0}: delivery {1} could not be settled ({2}); it is taken again"
                    + " when its lease ends", table, row.id(), e.getClass().getSimpleName());
        }
    }

    private void finish(Connection connection, Claimed row, String token, Outcome outcome, String failure) throws SQLException {
        long now = timeShiftMillis.getAsLong();
        switch (outcome) {
            case RETRY -> {
                if (update(connection, sql.retry(), now + retryPolicy.delayMillis(row.attempts(), jitter.getAsDouble()),
                        failure, row.id(), token) == 1) {
                    observe(row, InboxObserver.Outcome.RETRIED);
                }
            }
            case DEAD -> {
                if (update(connection, sql.dead(), failure, row.id(), token) == 1) {
                    observe(row, InboxObserver.Outcome.DEAD_LETTERED);
                }
                LOG.log(System.Logger.Level.WARNING, "inbox {0}: delivery {1} ({2}) is a dead letter after {3} attempt(s): {4}",
                        table, row.id(), row.vendor(), row.attempts(), failure);
            }
            case HAND_BACK -> update(connection, sql.handBack(), now, row.id(), token);
        }
    }

    /** Tells the observer; what it throws is ignored (an observer never changes what happens to a delivery). */
    private void observe(Claimed row, InboxObserver.Outcome outcome) {
        try {
            observer.handled(row.vendor(), outcome);
        } catch (RuntimeException observerFailure) {
            // ignored on purpose
        }
    }

    void handBack(List<Claimed> rows, String token) {
        for (Claimed row : rows) {
            finish(row, token, Outcome.HAND_BACK, null);
        }
    }

    // ---------------------------------------------------------------- operate

    /**
     * The oldest dead letters, without their bodies.
     *
     * @param limit the most to list, 1 to 10,000
     * @return the dead letters, oldest first
     * @throws IllegalArgumentException if the limit is out of range
     * @throws InboxUnavailableException if the database could not answer
     */
    public List<DeadLetter> deadLetters(int limit) {
        checkRange("limit", limit, 10_000);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.deadLetters())) {
            query.setInt(1, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    letters.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6), rs.getString(7),
                            authentication(rs.getString(8), rs.getString(9))));
                }
            }
            return List.copyOf(letters);
        } catch (SQLException e) {
            throw unavailable("deadLetters", e);
        }
    }

    /**
     * The number of dead letters.
     *
     * @return the count
     * @throws InboxUnavailableException if the database could not answer
     */
    @Override
    public long countDeadLetters() {
        return count(sql.countDead(), "countDeadLetters");
    }

    /**
     * Puts one dead letter back in line: due now, attempts counted from zero (after a fix or an
     * upgrade that parses a body that did not parse).
     *
     * @param id the dead letter's {@link DeadLetter#id()}
     * @return true if it was a dead letter and is pending now
     * @throws InboxUnavailableException if the database could not answer
     */
    public boolean requeue(long id) {
        return write("requeue", sql.requeueOne(), timeShiftMillis.getAsLong(), id) == 1;
    }

    /**
     * Puts every dead letter back in line.
     *
     * @return how many were requeued
     * @throws InboxUnavailableException if the database could not answer
     */
    public int requeueAllDeadLetters() {
        return write("requeueAllDeadLetters", sql.requeueAll(), timeShiftMillis.getAsLong());
    }

    /**
     * Deletes at most {@code batchSize} rows done longer than {@code retention} ago (by the
     * database's clock). Dead letters and pending rows are never purged. Schedule it, and call it
     * again while it returns {@code batchSize}; safe on every instance at once.
     *
     * <pre>{@code
     * while (inbox.purgeCompleted(Duration.ofDays(7), 1_000) == 1_000) { }
     * }</pre>
     *
     * @param retention how long done rows are kept, zero or more
     * @param batchSize the most rows to delete, 1 to 100,000
     * @return how many rows were deleted
     * @throws IllegalArgumentException if a value is out of range
     * @throws InboxUnavailableException if the database could not answer
     */
    public int purgeCompleted(Duration retention, int batchSize) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        checkRange("batchSize", batchSize, 100_000);
        return write("purgeCompleted", sql.purge(), timeShiftMillis.getAsLong() - retention.toMillis(), batchSize);
    }

    /**
     * The backlog: deliveries not yet done nor dead (due, waiting for a retry, or being handled).
     *
     * @return the number of pending deliveries
     * @throws InboxUnavailableException if the database could not answer
     */
    @Override
    public long backlog() {
        return count(sql.backlog(), "backlog");
    }

    /**
     * How long ago the oldest delivery that is due now (not leased, not waiting for a retry) was
     * received, by the database's clock: how far the workers are behind.
     *
     * @return the age, or empty when nothing is due
     * @throws InboxUnavailableException if the database could not answer
     */
    @Override
    public Optional<Duration> oldestDueAge() {
        long now = timeShiftMillis.getAsLong();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.oldestDue())) {
            query.setLong(1, now);
            query.setLong(2, now);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                OffsetDateTime oldest = rs.getObject(1, OffsetDateTime.class);
                OffsetDateTime databaseNow = rs.getObject(2, OffsetDateTime.class);
                return oldest == null ? Optional.empty() : Optional.of(Duration.between(oldest, databaseNow));
            }
        } catch (SQLException e) {
            throw unavailable("oldestDueAge", e);
        }
    }

    /**
     * The SQL dialect in use, chosen or detected.
     *
     * @return the dialect
     */
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return "JdbcInbox[" + dialect + ", " + table + ", vendors " + routes.keySet() + "]";
    }

    // ---------------------------------------------------------------- helpers

    boolean stopping() {
        return workers.stopping();
    }

    String tableName() {
        return table.sql();
    }

    long pollMillis() {
        return pollMillis;
    }

    private long count(String statement, String operation) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(statement);
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    /** Runs one statement in the connection's current transaction (no commit). */
    private static int update(Connection connection, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    /** Runs one statement on a connection of its own and commits it. */
    private int write(String operation, String statement, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            int count = update(connection, statement, parameters);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return count;
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    private InboxUnavailableException unavailable(String operation, SQLException e) {
        return new InboxUnavailableException("inbox " + table + ": " + operation + " failed (" + e.getClass().getSimpleName()
                + ", SQL state " + e.getSQLState() + ")", e);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static void checkRange(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max);
        }
    }

    static Authentication authentication(String method, String credentialId) {
        return new Authentication(Authentication.Method.valueOf(method), credentialId);
    }

    /** The exception's class and message on one line, at most 2000 characters. */
    static String describe(Throwable e) {
        return error(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static String error(String text) {
        String line = text.replace('\r', ' ').replace('\n', ' ');
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static String label(String text) {
        return text.length() <= MAX_LABEL_LENGTH ? text : text.substring(0, MAX_LABEL_LENGTH);
    }

    /** One vendor's receiver and handler. */
    private record Route<E>(WebhookReceiver<E> receiver, InboxHandler<E> handler) {
        void handle(WebhookRequest request, InboxContext context) throws Exception {
            handler.handle(receiver.parse(request), context);
        }
    }

    /**
     * Builds a {@link JdbcInbox}.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private TableName table = TableName.of(DEFAULT_TABLE);
        private SqlDialect dialect;
        private boolean createTableIfMissing;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();
        private List<String> keptHeaders = List.of();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration lease = Duration.ofMinutes(5);
        private int batchSize = 10;
        private int workers = 4;
        private Duration pollInterval = Duration.ofSeconds(1);
        private LongSupplier timeShiftMillis = () -> 0L;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private LongSupplier ticker = System::nanoTime;
        private InboxObserver observer = InboxObserver.none();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The table (default {@code revhooks_inbox}), created by your migrations from
         * {@link JdbcInbox#MIGRATION} or {@link JdbcInbox#ddl(TableName)}.
         *
         * @param name a checked name, e.g. {@code TableName.of("webhooks.inbox")}
         * @return this builder
         */
        public Builder table(TableName name) {
            this.table = Objects.requireNonNull(name, "name");
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
         * Runs {@link JdbcInbox#ddl(TableName)} at {@link #build()} (each statement is
         * {@code IF NOT EXISTS}): for development and tests; production apps run the migration.
         *
         * @return this builder
         */
        public Builder createTableIfMissing() {
            this.createTableIfMissing = true;
            return this;
        }

        /**
         * The SQL dialect, instead of detecting it from the driver at {@link #build()}.
         *
         * @param dialect PostgreSQL or H2
         * @return this builder
         */
        public Builder dialect(SqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Processes the deliveries of {@code receiver}'s vendor with {@code handler}. An instance
         * that registers no vendor can still store deliveries (ingest only).
         *
         * @param <E>      the vendor's event type
         * @param receiver the vendor's receiver: its {@code parse} reads the stored body again
         * @param handler  the app's handler
         * @return this builder
         * @throws IllegalArgumentException if the vendor is registered already
         */
        public <E> Builder vendor(WebhookReceiver<E> receiver, InboxHandler<E> handler) {
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(handler, "handler");
            if (routes.putIfAbsent(receiver.vendor(), new Route<>(receiver, handler)) != null) {
                throw new IllegalArgumentException("vendor " + receiver.vendor() + " is registered already");
            }
            return this;
        }

        /**
         * The request headers stored with each delivery (compared case-insensitively), because the
         * vendor's {@code parse} reads them: for RevRag, {@code X-Webhook-Event} and
         * {@code X-Webhook-ID}. No header is stored by default; never name a header carrying a
         * credential (signatures, {@code x-api-key}).
         *
         * @param names header names
         * @return this builder
         */
        public Builder keepHeaders(String... names) {
            this.keptHeaders = List.of(names);
            return this;
        }

        /**
         * Attempts and backoff (default {@link RetryPolicy#DEFAULT}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How long a worker holds the deliveries it took (default 5 minutes) by the database's
         * clock: the longest a delivery waits after its worker died, and the longest a batch may
         * take to handle before a second worker may take it too.
         *
         * @param lease at least one second
         * @return this builder
         * @throws IllegalArgumentException if shorter than a second
         */
        public Builder lease(Duration lease) {
            if (Objects.requireNonNull(lease, "lease").compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("lease must be at least 1 second");
            }
            this.lease = lease;
            return this;
        }

        /**
         * How many due deliveries a worker takes at once (default 10, 1 to 1000). They are
         * handled one after the other; those not started when half the lease has passed are
         * handed back (due at once, attempt not counted) rather than risk a second worker taking
         * them while they run.
         *
         * @param batchSize the batch size
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder batchSize(int batchSize) {
            checkRange("batchSize", batchSize, 1000);
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How many worker threads {@link JdbcInbox#start()} starts (default 4, 1 to 256); give
         * the pool at least that many connections, plus those of the filter.
         *
         * @param workers the thread count
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder workers(int workers) {
            checkRange("workers", workers, 256);
            this.workers = workers;
            return this;
        }

        /**
         * How long an idle worker waits before looking for due deliveries again (default 1 s).
         *
         * @param interval 10 ms to 1 minute
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() < 10 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("pollInterval must be 10 ms to 1 minute");
            }
            this.pollInterval = interval;
            return this;
        }

        /** Tests: milliseconds added to the database's clock in every statement (a movable clock). */
        Builder timeShift(LongSupplier millis) {
            this.timeShiftMillis = Objects.requireNonNull(millis, "millis");
            return this;
        }

        /** Tests: the monotonic nanosecond ticker that times a batch against half its lease. */
        Builder ticker(LongSupplier nanos) {
            this.ticker = Objects.requireNonNull(nanos, "nanos");
            return this;
        }

        /**
         * Told how each delivery's handling ended: processed, retried or dead-lettered (default:
         * {@link InboxObserver#none()}). Called after the outcome was committed; what it throws is
         * ignored. {@code revhooks-micrometer}'s {@code InboxHandlingMeters} counts them.
         *
         * <pre>{@code
         * JdbcInbox.builder(dataSource).vendor(revont, handler).observer(InboxHandlingMeters.of(meterRegistry, "webhooks")).build();
         * }</pre>
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(InboxObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Tests: the jitter source, values in [0, 1). */
        Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Builds the inbox, detecting the dialect unless one was chosen.
         *
         * @return the inbox (workers not started)
         * @throws InboxUnavailableException if the database was needed (detection, table creation) and could not answer
         * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
         */
        public JdbcInbox build() {
            SqlDialect chosen = dialect;
            try {
                if (chosen == null) {
                    chosen = SqlDialect.detect(dataSource);
                }
                if (createTableIfMissing) {
                    Migration.run(dataSource, ddl(table));
                }
            } catch (SQLException e) {
                throw new InboxUnavailableException("inbox " + table + ": set-up failed (SQL state " + e.getSQLState() + ")", e);
            }
            return new JdbcInbox(this, chosen);
        }
    }
}
