package dev.revhooks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Hands out the real pool's connections with auto-commit off, as some apps' pools are configured. */
final class ManualCommitDataSource extends TestDataSource {

    private final DataSource pool;

    ManualCommitDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}
