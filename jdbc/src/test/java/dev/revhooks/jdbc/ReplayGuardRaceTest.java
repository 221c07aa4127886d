package dev.revhooks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.core.testing.ReplayGuardRace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two guard instances, each with a pool of its own (as two app instances would have), eight
 * threads each: sixteen threads claiming the same 10,000 keys in the same order at once on
 * PostgreSQL. H2, the development store, runs the same race over 2,000 keys (its row locks make
 * 10,000 take minutes).
 */
@Tag("heavy")
class ReplayGuardRaceTest {

    private static final int INSTANCES = 2;
    private static final int THREADS_PER_INSTANCE = 8;
    private static final int KEYS = 10_000;

    @Test
    void onPostgresqlExactlyOneNewPerKeyAndAllProcessedAfterwards() throws Exception {
        race(() -> Databases.pool(Databases.postgres(), THREADS_PER_INSTANCE), "pg_race", KEYS);
    }

    @Test
    void onH2ExactlyOneNewPerKeyAndAllProcessedAfterwards() throws Exception {
        String url = Databases.newH2Url();
        race(() -> Databases.pool(url, THREADS_PER_INSTANCE), "h2_race", 2_000);
    }

    private static void race(Supplier<HikariDataSource> newPool, String table, int keys) throws Exception {
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            List<JdbcReplayGuard> guards = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                HikariDataSource pool = newPool.get();
                pools.add(pool);
                JdbcReplayGuard.Builder builder = JdbcReplayGuard.builder(pool).table(table);
                guards.add((i == 0 ? builder.createTableIfMissing() : builder).build());
            }
            ReplayGuardRace.assertOneWinnerPerKey(guards, THREADS_PER_INSTANCE, keys, "race-");
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }
}
