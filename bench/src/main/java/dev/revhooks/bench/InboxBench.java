package dev.revhooks.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.jdbc.StoredKey;
import dev.revhooks.jdbc.inbox.JdbcInbox;
import dev.revhooks.revont.RevontEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest through the inbox (verify and parse a signed Revont delivery, one {@code INSERT}, commit)
 * against a bare prepared {@code INSERT} of the same row over the same pool (issue #27's target:
 * at least 0.8x). Durable PostgreSQL; 4 threads, as a filter serves concurrent requests. Each
 * invocation stores a new delivery (pre-signed ring of 200,000; the table is emptied every
 * iteration).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Threads(4)
@Fork(1)
public class InboxBench {

    private static final int RING = 200_000;

    private InboxDatabase database;
    private HikariDataSource pool;
    private JdbcInbox inbox;
    private WebhookRequest[] requests;
    private String[] keys;
    private final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() throws WebhookException {
        database = new InboxDatabase();
        pool = database.pool(8);
        inbox = JdbcInbox.builder(pool).createTableIfMissing().build();
        requests = new WebhookRequest[RING];
        keys = new String[RING];
        for (int n = 0; n < RING; n++) {
            requests[n] = InboxDatabase.signed(n);
            keys[n] = StoredKey.of(InboxDatabase.REVONT.receive(requests[n]).deliveryKey());
        }
    }

    @Setup(Level.Iteration)
    public void empty() {
        InboxDatabase.execute(pool, "TRUNCATE revhooks_inbox");
        next.set(0);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        database.close();
    }

    /** What the filter's inbox mode does per request, after reading the body. */
    @Benchmark
    public boolean inboxIngest() throws WebhookException {
        WebhookRequest request = requests[next.getAndIncrement() % RING];
        VerifiedDelivery<RevontEvent> delivery = InboxDatabase.REVONT.receive(request);
        return inbox.store(InboundDelivery.parsed("revont", delivery.deliveryKey(), delivery.event().event(),
                delivery.authentication(), delivery.rawBody(), request.headers()));
    }

    /** The floor: the same row with one prepared INSERT in auto-commit, nothing verified. */
    @Benchmark
    public int bareInsert() throws SQLException {
        int n = next.getAndIncrement() % RING;
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO revhooks_inbox (vendor, delivery_key, event_type,"
                     + " received_at, body, headers, auth_method, credential_id, state, attempts, due_at, last_error)"
                     + " VALUES (?, ?, ?, clock_timestamp(), ?, ?, ?, ?, 'PENDING', 0, clock_timestamp(), NULL)")) {
            insert.setString(1, "revont");
            insert.setString(2, keys[n]);
            insert.setString(3, "summary.ready");
            insert.setBytes(4, requests[n].body());
            insert.setString(5, "");
            insert.setString(6, "HMAC_SIGNATURE");
            insert.setString(7, InboxDatabase.SECRET.id());
            return insert.executeUpdate();
        }
    }
}
