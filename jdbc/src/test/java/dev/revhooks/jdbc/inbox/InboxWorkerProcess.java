package dev.revhooks.jdbc.inbox;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.jdbc.Databases;
import dev.revhooks.jdbc.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An app instance in a JVM of its own, for {@link InboxKillTest}: four workers whose handler
 * records (on a connection of its own, committed) that it started a delivery, then never returns,
 * so the test can kill the JVM with {@code kill -9} in the middle of handlers.
 *
 * <p>Arguments: the PostgreSQL JDBC URL and the inbox table.
 */
public final class InboxWorkerProcess {

    private InboxWorkerProcess() {
    }

    public static void main(String[] args) {
        HikariDataSource pool = Databases.pool(args[0], 10);
        JdbcInbox inbox = JdbcInbox.builder(pool).table(TableName.of(args[1])).workers(4).batchSize(5)
                .lease(Duration.ofSeconds(InboxKillTest.LEASE_SECONDS)).pollInterval(Duration.ofMillis(50))
                .vendor(Deliveries.REVONT, (event, context) -> {
                    try (Connection own = pool.getConnection();
                         PreparedStatement started = own.prepareStatement("INSERT INTO kill_started VALUES (?)")) {
                        started.setString(1, Deliveries.callId(event));
                        started.executeUpdate();
                    }
                    while (true) {
                        LockSupport.park(); // mid-handler until killed
                    }
                }).build();
        inbox.start();
        System.out.println("worker process started");
        while (true) {
            LockSupport.park();
        }
    }
}
