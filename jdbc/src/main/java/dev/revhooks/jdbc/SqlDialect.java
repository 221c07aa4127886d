package dev.revhooks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The SQL a store speaks. Chosen explicitly, or detected once from the driver's
 * {@link java.sql.DatabaseMetaData#getDatabaseProductName()}.
 *
 * <pre>{@code
 * SqlDialect dialect = SqlDialect.detect(dataSource); // POSTGRESQL or H2
 * }</pre>
 */
public enum SqlDialect {
    /** PostgreSQL 12 or later: {@code INSERT ... ON CONFLICT}, {@code clock_timestamp()}. */
    POSTGRESQL,
    /** H2 2.x: {@code MERGE}-free portable statements, {@code CURRENT_TIMESTAMP} of the database. */
    H2;

    /**
     * Detects the dialect from a connection of the data source.
     *
     * @param dataSource the app's data source
     * @return the dialect
     * @throws SQLException if no connection could be opened
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     */
    public static SqlDialect detect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return detect(connection);
        }
    }

    /**
     * Detects the dialect of an open connection.
     *
     * @param connection an open connection (not closed here)
     * @return the dialect
     * @throws SQLException if the metadata cannot be read
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     */
    public static SqlDialect detect(Connection connection) throws SQLException {
        String product = String.valueOf(connection.getMetaData().getDatabaseProductName()).toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database product (supported: PostgreSQL, H2); choose a dialect explicitly only for these");
    }
}
