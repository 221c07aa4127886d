package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.core.testing.ReplayGuardOutage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped in the middle of a run and started again on the same port and data directory
 * ({@code fsync} and {@code synchronous_commit} on): while it is down every operation fails with
 * {@link ReplayStoreUnavailableException}; no key is processed twice; the same guard works again
 * once the server is back, without being rebuilt.
 */
class PostgresOutageTest {

    private static final int KEYS = 600;

    @Test
    void typedFailuresWhileDownNoKeyProcessedTwiceAndTheSameGuardWorksAfterARestart() throws Exception {
        Path data = Databases.tempDirectory("revhooks-pg-outage");
        EmbeddedPostgres postgres = Databases.startPostgres(0, data);
        int port = postgres.getPort();
        try (HikariDataSource pool = Databases.pool(postgres.getJdbcUrl("postgres", "postgres"), 4, Duration.ofSeconds(1))) {
            JdbcReplayGuard guard = JdbcReplayGuard.builder(pool).createTableIfMissing().build();
            ClaimToken inFlight = guard.claim(new DeliveryKey("in-flight")).token();
            ReplayGuardOutage run = ReplayGuardOutage.start(guard, KEYS, "outage-", Duration.ofSeconds(90));

            run.awaitProgress(100);
            postgres.close();
            run.awaitTypedFailures(3);
            assertThatThrownBy(() -> guard.claim(new DeliveryKey("while-down"))).isInstanceOf(ReplayStoreUnavailableException.class)
                    .hasMessageStartingWith("POSTGRESQL replay guard (table revhooks_replay_guard): claim failed");
            assertThatThrownBy(() -> guard.complete(new DeliveryKey("in-flight"), inFlight))
                    .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("complete failed");
            assertThatThrownBy(() -> guard.release(new DeliveryKey("in-flight"), inFlight))
                    .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("release failed");
            assertThatThrownBy(() -> guard.purgeExpired(10)).isInstanceOf(ReplayStoreUnavailableException.class);
            int progressWhileDown = run.progress();

            postgres = Databases.startPostgres(port, data);
            run.finish();
            assertThat(progressWhileDown).as("the outage happened mid-run").isLessThan(KEYS);
            run.assertNoKeyHandledTwice();
            assertThat(guard.complete(new DeliveryKey("in-flight"), inFlight)).as("the claim made before the outage survived").isTrue();
            assertThat(guard.claim(new DeliveryKey("after")).isNew()).isTrue();
        } finally {
            postgres.close();
        }
    }
}
