package dev.revhooks.jdbc.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.testing.Await;
import dev.revhooks.jdbc.Databases;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.servlet.WebhookFilter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL ({@code fsync} and {@code synchronous_commit} on) stopped while deliveries arrive and
 * are processed, then started again on the same port and data directory: the filter answers
 * {@code 503} while it is down, and every delivery it acknowledged is processed once it is back.
 */
@Tag("heavy")
class InboxOutageTest {

    private static final int DELIVERIES = 300;
    private static final Duration BOUND = Duration.ofMinutes(3);

    @Test
    void the503sWhileDownAndEveryAcknowledgedDeliveryProcessedOnceBack() throws Exception {
        Path data = Databases.tempDirectory("revhooks-inbox-outage");
        EmbeddedPostgres postgres = Databases.startPostgres(0, data);
        int port = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger progress = new AtomicInteger();
        try (HikariDataSource pool = Databases.pool(url, 10, Duration.ofSeconds(1))) {
            Deliveries.execute(pool, "CREATE TABLE outage_handled (call_id VARCHAR(64) PRIMARY KEY)");
            JdbcInbox inbox = JdbcInbox.builder(pool).createTableIfMissing().workers(2).batchSize(5)
                    .lease(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .vendor(Deliveries.REVONT, (event, context) -> {
                        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO outage_handled VALUES (?)")) {
                            insert.setString(1, Deliveries.callId(event));
                            insert.executeUpdate();
                        }
                    }).build();
            try (InboxServer server = new InboxServer(WebhookFilter.builder(Deliveries.REVONT).inbox(inbox, RevontEvent::event).build())) {
                inbox.start();
                CompletableFuture<Void> vendor = CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < DELIVERIES; n++) {
                        deliverUntilAcknowledged(server, n, acknowledged, unavailable);
                        progress.incrementAndGet();
                    }
                });

                Await.until("the run is under way", BOUND, () -> progress.get() >= 100);
                postgres.close();
                Await.until("503s while the server is down", BOUND, () -> unavailable.get() >= 3);
                int progressWhileDown = progress.get();
                postgres = Databases.startPostgres(port, data);
                vendor.get(BOUND.toSeconds(), TimeUnit.SECONDS);
                assertThat(progressWhileDown).as("the outage happened mid-run").isLessThan(DELIVERIES);

                Await.until("every acknowledged delivery processed", BOUND,
                        () -> Deliveries.count(pool, "SELECT COUNT(*) FROM revhooks_inbox WHERE state = 'DONE'") == DELIVERIES);
                assertThat(acknowledged).hasSize(DELIVERIES);
                assertThat(Deliveries.count(pool, "SELECT COUNT(*) FROM outage_handled")).isEqualTo(DELIVERIES);
                assertThat(inbox.countDeadLetters()).isZero();
                assertThat(server.passedOn).hasValue(0);
                inbox.shutdown(Duration.ofSeconds(10));
            }
        } finally {
            postgres.close();
        }
    }

    /** Like a vendor: sends again after any answer but 2xx (or no answer). */
    private static void deliverUntilAcknowledged(InboxServer server, int n, Set<Integer> acknowledged, AtomicInteger unavailable) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = server.post(Deliveries.signed(n));
                if (answer.statusCode() == 202) {
                    acknowledged.add(n);
                    return;
                }
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
                unavailable.incrementAndGet();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("delivery " + n + " never acknowledged");
    }
}
