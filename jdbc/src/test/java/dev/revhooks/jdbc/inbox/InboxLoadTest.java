package dev.revhooks.jdbc.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.testing.Await;
import dev.revhooks.jdbc.Databases;
import dev.revhooks.jdbc.TableName;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.servlet.WebhookFilter;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deliveries through the filter in real Jetty, stored by three app instances (each its own pool,
 * filter and inbox) and processed by their 3 x 4 workers on one durable PostgreSQL: every delivery
 * handled, none twice. The handler records each call on a connection of its own (not the inbox's
 * transaction, so a second call would show as a unique-key violation instead of being rolled back).
 * Every 50th delivery is sent again to another instance, as a vendor's retry. The count is
 * {@code -Drevhooks.inbox.load=N} (default 10,000).
 */
@Tag("heavy")
class InboxLoadTest {

    private static final int DELIVERIES = Integer.getInteger("revhooks.inbox.load", 10_000);
    private static final int INSTANCES = 3;
    private static final Duration BOUND = Duration.ofMinutes(10);

    @Test
    void everyDeliveryIsHandledExactlyOnceByThreeInstancesOfFourWorkers() throws Exception {
        TableName table = TableName.of("inbox_load");
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        List<HikariDataSource> pools = new ArrayList<>();
        List<JdbcInbox> inboxes = new ArrayList<>();
        List<InboxServer> servers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(12);
        try {
            for (int i = 0; i < INSTANCES; i++) {
                HikariDataSource pool = Databases.pool(Databases.postgres(), 16);
                pools.add(pool);
                if (i == 0) {
                    Deliveries.execute(pool, "CREATE TABLE load_handled (call_id VARCHAR(64) PRIMARY KEY)");
                }
                JdbcInbox inbox = JdbcInbox.builder(pool).table(table).createTableIfMissing().workers(4).batchSize(10)
                        .pollInterval(Duration.ofMillis(50))
                        .vendor(Deliveries.REVONT, (event, context) -> record(pool, event, handled, duplicates)).build();
                inboxes.add(inbox);
                servers.add(new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(inbox, RevontEvent::event).build()));
            }
            long start = System.nanoTime();
            inboxes.forEach(JdbcInbox::start);
            List<Future<?>> sent = new ArrayList<>();
            for (int n = 0; n < DELIVERIES; n++) {
                int delivery = n;
                sent.add(senders.submit(() -> {
                    send(servers.get(delivery % INSTANCES), delivery, "stored\n");
                    if (delivery % 50 == 0) {
                        send(servers.get((delivery + 1) % INSTANCES), delivery, "already stored\n");
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            long ingested = System.nanoTime();
            Await.until("all handled", BOUND, () -> handled.get() >= DELIVERIES);
            long done = System.nanoTime();
            System.out.printf("inbox load: %d deliveries, ingest %.1f s, all handled after %.1f s (%.0f/s end to end)%n",
                    DELIVERIES, (ingested - start) / 1e9, (done - start) / 1e9, DELIVERIES / ((done - start) / 1e9));

            assertThat(duplicates).as("deliveries handled twice").hasValue(0);
            assertThat(Deliveries.count(pools.get(0), "SELECT COUNT(*) FROM load_handled")).isEqualTo(DELIVERIES);
            assertThat(Deliveries.count(pools.get(0), "SELECT COUNT(*) FROM inbox_load WHERE state = 'DONE'")).isEqualTo(DELIVERIES);
            assertThat(Deliveries.count(pools.get(0), "SELECT COUNT(*) FROM inbox_load WHERE attempts <> 1")).isZero();
            assertThat(servers).allSatisfy(server -> assertThat(server.passedOn).hasValue(0));
        } finally {
            senders.shutdownNow();
            for (JdbcInbox inbox : inboxes) {
                inbox.shutdown(Duration.ofSeconds(10));
            }
            for (InboxServer server : servers) {
                server.close();
            }
            pools.forEach(HikariDataSource::close);
        }
    }

    private static void send(InboxServer server, int delivery, String expected) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = server.post(Deliveries.signed(delivery));
            if (answer.statusCode() == 202) {
                assertThat(answer.body()).as("delivery %d", delivery).isEqualTo(expected);
                return;
            }
            assertThat(attempt).as("delivery %d answered %d", delivery, answer.statusCode()).isLessThan(20);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a vendor's retry interval
        }
    }

    private static void record(DataSource pool, RevontEvent event, AtomicInteger handled, AtomicInteger duplicates) throws SQLException {
        try (Connection own = pool.getConnection();
             PreparedStatement insert = own.prepareStatement("INSERT INTO load_handled VALUES (?)")) {
            insert.setString(1, Deliveries.callId(event));
            insert.executeUpdate();
            handled.incrementAndGet();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            duplicates.incrementAndGet();
        }
    }
}
