package dev.revhooks.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The stores' shipped DDL: Flyway-style versioned migration resources under
 * {@code db/revhooks/}, each for one default table name, readable as statements under another
 * {@link TableName}. Comment lines are dropped, statements are split at {@code ;}, and every
 * identifier that starts with the default table name (the table, its indexes and constraints) is
 * renamed: the table to {@code table}, the others through {@link TableName#derived(String)}.
 *
 * <pre>{@code
 * List<String> statements = Migration.statements(JdbcReplayGuard.MIGRATION, "revhooks_replay_guard",
 *         TableName.of("webhooks.replay_guard"));
 * }</pre>
 */
public final class Migration {

    private Migration() {
    }

    /**
     * The statements of a migration resource with {@code table} in place of {@code defaultTable}.
     *
     * @param resource     the classpath resource, e.g. {@code db/revhooks/V1__revhooks_replay_guard.sql}
     * @param defaultTable the table name the resource is written for
     * @param table        the name to use
     * @return the DDL statements, in order
     * @throws IllegalStateException if the resource is missing
     * @throws IllegalArgumentException if a derived name grows past the identifier limit
     */
    public static List<String> statements(String resource, String defaultTable, TableName table) {
        Objects.requireNonNull(table, "table");
        String script;
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        Matcher names = Pattern.compile("\\b" + Pattern.quote(defaultTable) + "(\\w*)\\b").matcher(code);
        StringBuilder named = new StringBuilder();
        while (names.find()) {
            String suffix = names.group(1);
            names.appendReplacement(named, Matcher.quoteReplacement(suffix.isEmpty() ? table.sql() : table.derived(suffix)));
        }
        names.appendTail(named);
        List<String> statements = new ArrayList<>();
        for (String statement : named.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return List.copyOf(statements);
    }

    /**
     * Runs statements on one connection of the data source (each is {@code CREATE ... IF NOT
     * EXISTS}, so running them again changes nothing), committing when the pool hands out
     * connections with auto-commit off.
     *
     * @param dataSource the app's pool
     * @param statements the statements, from {@link #statements}
     * @throws SQLException if the database refused a statement or could not be reached
     */
    public static void run(DataSource dataSource, List<String> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : statements) {
                statement.execute(ddl);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
