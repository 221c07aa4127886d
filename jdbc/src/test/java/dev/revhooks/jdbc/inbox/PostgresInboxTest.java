package dev.revhooks.jdbc.inbox;

import com.zaxxer.hikari.HikariDataSource;
import dev.revhooks.jdbc.Databases;
import dev.revhooks.jdbc.SqlDialect;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresInboxTest extends JdbcInboxContract {

    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        pool = Databases.pool(Databases.postgres(), 8);
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
