package dev.revhooks.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.revont.RevontEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Processing throughput: {@value #BACKLOG} stored deliveries handled by a no-op handler on 1 or 3
 * inbox instances (each its own pool and 4 workers) on a durable PostgreSQL. Each invocation
 * starts the instances, waits until the backlog is handled, and stops them; the score is time per
 * delivery (deliveries per second = 1 / score).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class InboxProcessingBench {

    static final int BACKLOG = 2_000;

    @Param({"1", "3"})
    public int instances;

    private InboxDatabase database;
    private HikariDataSource setupPool;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<JdbcInbox> inboxes = new ArrayList<>();
    private final AtomicInteger handled = new AtomicInteger();
    private byte[][] bodies;

    @Setup(Level.Trial)
    public void start() {
        database = new InboxDatabase();
        setupPool = database.pool(2);
        JdbcInbox.builder(setupPool).createTableIfMissing().build();
        bodies = new byte[BACKLOG][];
        for (int n = 0; n < BACKLOG; n++) {
            bodies[n] = InboxDatabase.signed(n).body();
        }
    }

    @Setup(Level.Invocation)
    public void fill() throws SQLException {
        InboxDatabase.execute(setupPool, "TRUNCATE revhooks_inbox");
        try (Connection connection = setupPool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO revhooks_inbox (vendor, delivery_key,"
                    + " event_type, received_at, body, headers, auth_method, credential_id, state, attempts, due_at)"
                    + " VALUES ('revont', ?, 'summary.ready', clock_timestamp(), ?, '', 'HMAC_SIGNATURE', 'bench', 'PENDING', 0,"
                    + " clock_timestamp())")) {
                for (int n = 0; n < BACKLOG; n++) {
                    insert.setString(1, "revont:summary.ready:" + n);
                    insert.setBytes(2, bodies[n]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        handled.set(0);
        for (int i = 0; i < instances; i++) {
            HikariDataSource pool = database.pool(5);
            pools.add(pool);
            inboxes.add(JdbcInbox.builder(pool).workers(4).batchSize(10).pollInterval(Duration.ofMillis(20))
                    .vendor(InboxDatabase.REVONT, (RevontEvent event, dev.revhooks.jdbc.inbox.InboxContext context) ->
                            handled.incrementAndGet()).build());
        }
    }

    @TearDown(Level.Invocation)
    public void stopInstances() {
        inboxes.forEach(inbox -> inbox.shutdown(Duration.ofSeconds(10)));
        inboxes.clear();
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        setupPool.close();
        database.close();
    }

    @Benchmark
    @OperationsPerInvocation(BACKLOG)
    public int processBacklog() {
        inboxes.forEach(JdbcInbox::start);
        while (handled.get() < BACKLOG) {
            LockSupport.parkNanos(200_000);
        }
        return handled.get();
    }
}
