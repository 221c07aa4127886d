package dev.revhooks.jdbc;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A checked SQL table name, optionally schema-qualified ({@code revhooks_replay_guard} or
 * {@code webhooks.revhooks_replay_guard}).
 *
 * <p>Each part must match {@code [A-Za-z_][A-Za-z0-9_]*} and be at most 63 characters (PostgreSQL's
 * identifier limit); nothing else (no quotes, spaces, dots beyond the one schema separator,
 * semicolons or comments) is accepted, so a name can be written into SQL text without quoting and
 * without any way to change the statement. Unquoted names are folded by the database (lower case
 * in PostgreSQL, upper case in H2); the same name therefore always designates the same table.
 *
 * <pre>{@code
 * TableName table = TableName.of("webhooks.revhooks_replay_guard");
 * }</pre>
 *
 * @param schema the schema, or null for the connection's default schema (search path)
 * @param table  the table
 */
public record TableName(String schema, String table) {

    private static final int MAX_PART_LENGTH = 63;
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Checks both parts.
     *
     * @throws IllegalArgumentException if a part is not a plain identifier (the message names the check)
     */
    public TableName {
        if (schema != null) {
            checkPart(schema, "schema");
        }
        checkPart(table, "table");
    }

    /**
     * Reads {@code table} or {@code schema.table}.
     *
     * @param qualifiedName the name
     * @return the checked name
     * @throws IllegalArgumentException if the name is null or not one or two plain identifiers
     */
    public static TableName of(String qualifiedName) {
        if (qualifiedName == null) {
            throw new IllegalArgumentException("table name is required");
        }
        int dot = qualifiedName.indexOf('.');
        if (dot < 0) {
            return new TableName(null, qualifiedName);
        }
        return new TableName(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /**
     * The name as written into SQL: {@code table} or {@code schema.table}.
     *
     * @return the SQL text of the name
     */
    public String sql() {
        return schema == null ? table : schema + "." + table;
    }

    /**
     * A name derived from this one for an index or constraint: same schema, the table name with a
     * suffix, still checked (and refused if it grows past the identifier limit).
     *
     * @param suffix a plain identifier suffix such as {@code _expires_idx}
     * @return the unqualified derived name
     */
    public String derived(String suffix) {
        String name = table + Objects.requireNonNull(suffix, "suffix");
        checkPart(name, "derived name");
        return name;
    }

    @Override
    public String toString() {
        return sql();
    }

    private static void checkPart(String part, String what) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException(what + " name is required");
        }
        if (part.length() > MAX_PART_LENGTH) {
            throw new IllegalArgumentException(what + " name is longer than " + MAX_PART_LENGTH + " characters");
        }
        if (!PART.matcher(part).matches()) {
            throw new IllegalArgumentException(what + " name must match [A-Za-z_][A-Za-z0-9_]* (no quotes, spaces or punctuation)");
        }
    }
}
