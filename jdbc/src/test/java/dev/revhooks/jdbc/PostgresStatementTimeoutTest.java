package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The statement timeout on PostgreSQL is the connection's network timeout while the guard uses it:
 * a claim the database does not answer (here: waiting on another transaction's uncommitted row for
 * the same key) fails typed within the timeout, and the app's own network timeout on the
 * connection is given back afterwards.
 */
class PostgresStatementTimeoutTest {

    private static final Executor DIRECT = Runnable::run;

    @Test
    void aClaimTheDatabaseDoesNotAnswerFailsTypedWithinTheTimeoutAndThePoolRecovers() throws Exception {
        try (HikariDataSource pool = Databases.pool(Databases.postgres(), 2)) {
            JdbcReplayGuard guard = JdbcReplayGuard.builder(pool).table("timeout_guard").createTableIfMissing()
                    .statementTimeout(Duration.ofSeconds(1)).build();
            try (Connection other = Databases.postgres().getPostgresDatabase().getConnection()) {
                other.setAutoCommit(false);
                try (PreparedStatement insert = other.prepareStatement("INSERT INTO timeout_guard (delivery_key, processed, token, expires_at)"
                        + " VALUES ('held', FALSE, 'someone-elses-token', clock_timestamp() + INTERVAL '5 minutes')")) {
                    insert.executeUpdate();
                }
                long started = System.nanoTime();
                assertThatThrownBy(() -> guard.claim(new DeliveryKey("held")))
                        .isInstanceOf(ReplayStoreUnavailableException.class)
                        .hasMessageStartingWith("POSTGRESQL replay guard (table timeout_guard): claim failed");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the 1 s timeout").isLessThan(Duration.ofSeconds(5));
                other.rollback();
            }
            assertThat(guard.claim(new DeliveryKey("after")).isNew()).as("the pool replaced the connection that timed out").isTrue();
            // The abandoned INSERT was still queued on the lock when its connection closed; PostgreSQL ran it when the
            // other transaction rolled back, so the key holds a claim nobody will complete: the next copy waits out its
            // lease (IN_PROGRESS), as after any crashed request; it is never handled twice and never lost.
            assertThat(guard.claim(new DeliveryKey("held")).claim()).isIn(ReplayGuard.Claim.IN_PROGRESS, ReplayGuard.Claim.NEW);
        }
    }

    @Test
    void theConnectionsOwnNetworkTimeoutIsGivenBack() throws Exception {
        try (Connection physical = Databases.postgres().getPostgresDatabase().getConnection()) {
            physical.setNetworkTimeout(DIRECT, 123_456);
            JdbcReplayGuard guard = JdbcReplayGuard.builder(new OneConnection(physical)).table("timeout_restore")
                    .createTableIfMissing().build();
            DeliveryKey key = new DeliveryKey("restored");
            var claimed = guard.claim(key);
            assertThat(physical.getNetworkTimeout()).isEqualTo(123_456);
            assertThat(guard.complete(key, claimed.token())).isTrue();
            assertThat(guard.release(key, claimed.token())).isFalse();
            guard.purgeExpired(10);
            assertThat(physical.getNetworkTimeout()).isEqualTo(123_456);
        }
    }

    /** A data source handing out one connection whose close() is ignored, so the test can look at it afterwards. */
    private static final class OneConnection extends TestDataSource {

        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
