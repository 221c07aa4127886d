package dev.revhooks.jdbc.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.testing.Await;
import dev.revhooks.jdbc.Databases;
import dev.revhooks.jdbc.TableName;
import java.io.File;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A worker JVM killed with {@code kill -9} while its four handlers run: the deliveries it had taken
 * are processed by two other instances once its leases end (by the database's clock), none lost,
 * none handled twice (the survivors write in the inbox's transaction).
 */
@Tag("heavy")
class InboxKillTest {

    static final int LEASE_SECONDS = 3;
    private static final int DELIVERIES = 60;
    private static final Duration BOUND = Duration.ofMinutes(3);

    @Test
    void theDeliveriesOfAKilledWorkerAreProcessedByTheOthersAfterItsLease() throws Exception {
        String url = Databases.postgres().getJdbcUrl("postgres", "postgres");
        TableName table = TableName.of("inbox_kill");
        List<HikariDataSource> pools = new ArrayList<>();
        List<JdbcInbox> survivors = new ArrayList<>();
        Process child = null;
        try (HikariDataSource pool = Databases.pool(url, 4)) {
            JdbcInbox ingest = JdbcInbox.builder(pool).table(table).createTableIfMissing().build();
            Deliveries.execute(pool, "CREATE TABLE kill_started (call_id VARCHAR(64) PRIMARY KEY)",
                    "CREATE TABLE kill_handled (call_id VARCHAR(64) PRIMARY KEY)");
            for (int n = 0; n < DELIVERIES; n++) {
                assertThat(ingest.store(Deliveries.inbound(n))).isTrue();
            }

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    InboxWorkerProcess.class.getName(), url, table.sql())
                    .redirectErrorStream(true).redirectOutput(new File("target/inbox-worker-process.log")).start();
            Await.until("the worker JVM is in four handlers", BOUND,
                    () -> Deliveries.count(pool, "SELECT COUNT(*) FROM kill_started") >= 4);
            long leasedByChild = Deliveries.count(pool, "SELECT COUNT(*) FROM inbox_kill WHERE lease_token IS NOT NULL");
            assertThat(leasedByChild).isEqualTo(20); // 4 workers x batches of 5

            Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            for (int i = 0; i < 2; i++) {
                HikariDataSource own = Databases.pool(url, 6);
                pools.add(own);
                JdbcInbox inbox = JdbcInbox.builder(own).table(table).workers(4).batchSize(5)
                        .lease(Duration.ofSeconds(LEASE_SECONDS)).pollInterval(Duration.ofMillis(100))
                        .vendor(Deliveries.REVONT, (event, context) -> {
                            try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO kill_handled VALUES (?)")) {
                                insert.setString(1, Deliveries.callId(event));
                                insert.executeUpdate();
                            }
                        }).build();
                survivors.add(inbox);
                inbox.start();
            }
            Await.until("every delivery handled by the survivors", BOUND,
                    () -> Deliveries.count(pool, "SELECT COUNT(*) FROM inbox_kill WHERE state = 'DONE'") == DELIVERIES);

            assertThat(Deliveries.count(pool, "SELECT COUNT(*) FROM kill_handled")).isEqualTo(DELIVERIES);
            assertThat(Deliveries.count(pool, "SELECT COUNT(*) FROM inbox_kill WHERE attempts = 2")).as("taken by the killed JVM, then again")
                    .isEqualTo(leasedByChild);
            assertThat(Deliveries.count(pool, "SELECT COUNT(*) FROM kill_handled h JOIN kill_started s ON s.call_id = h.call_id"))
                    .as("the handlers the kill interrupted ran again").isEqualTo(4);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            for (JdbcInbox inbox : survivors) {
                inbox.shutdown(Duration.ofSeconds(10));
            }
            pools.forEach(HikariDataSource::close);
        }
    }
}
