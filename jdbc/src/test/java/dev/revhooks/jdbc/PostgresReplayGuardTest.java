package dev.revhooks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresReplayGuardTest extends JdbcReplayGuardContract {

    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        pool = Databases.pool(Databases.postgres(), 4);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Override
    DataSource dataSource() {
        return pool;
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }
}
