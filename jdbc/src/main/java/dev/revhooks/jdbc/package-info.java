/**
 * Stores over a JDBC {@link javax.sql.DataSource} the app supplies (PostgreSQL first, H2 for
 * development and tests): state shared by every instance of a receiving app.
 *
 * <p>No pool of our own and no driver at run time: the app brings both. Table names are
 * {@link dev.revhooks.jdbc.TableName}s, checked before any SQL text is built.
 *
 * <pre>{@code
 * SqlDialect dialect = SqlDialect.detect(dataSource);
 * TableName table = TableName.of("revhooks_replay_guard");
 * }</pre>
 */
package dev.revhooks.jdbc;
