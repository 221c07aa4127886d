package dev.revhooks.jdbc;

/**
 * The statements of {@link JdbcReplayGuard} for one dialect and one checked table name. Every
 * value is a bind parameter; the only text written in is the {@link TableName}, checked before.
 * Time is always the database's: {@code clock_timestamp()} in PostgreSQL, {@code CURRENT_TIMESTAMP}
 * in H2.
 *
 * @param claim    takes a free or expired key: PostgreSQL {@code INSERT ... ON CONFLICT DO NOTHING}
 *                 (parameters key, token, lease ms); H2 a {@code MERGE} that inserts or takes over an
 *                 expired row (key, token, lease ms, token, lease ms)
 * @param takeOver PostgreSQL only: conditional {@code UPDATE} taking over an expired row (token,
 *                 lease ms, key); null in H2, whose {@code claim} does both
 * @param state    whether a live row is processed (key)
 * @param complete marks the owner's claim processed (retention ms, key, token)
 * @param release  deletes the owner's claim (key, token)
 * @param purge    deletes at most n expired rows (n)
 */
record ReplayGuardSql(String claim, String takeOver, String state, String complete, String release, String purge) {

    static ReplayGuardSql of(SqlDialect dialect, TableName table) {
        String t = table.sql();
        return switch (dialect) {
            case POSTGRESQL -> new ReplayGuardSql(
                    "INSERT INTO " + t + " (delivery_key, processed, token, expires_at)"
                            + " VALUES (?, FALSE, ?, clock_timestamp() + ? * INTERVAL '1 millisecond')"
                            + " ON CONFLICT (delivery_key) DO NOTHING",
                    "UPDATE " + t + " SET processed = FALSE, token = ?, expires_at = clock_timestamp() + ? * INTERVAL '1 millisecond'"
                            + " WHERE delivery_key = ? AND expires_at <= clock_timestamp()",
                    "SELECT processed FROM " + t + " WHERE delivery_key = ? AND expires_at > clock_timestamp()",
                    "UPDATE " + t + " SET processed = TRUE, token = NULL, expires_at = clock_timestamp() + ? * INTERVAL '1 millisecond'"
                            + " WHERE delivery_key = ? AND token = ? AND processed = FALSE",
                    "DELETE FROM " + t + " WHERE delivery_key = ? AND token = ? AND processed = FALSE",
                    "DELETE FROM " + t + " WHERE delivery_key IN (SELECT delivery_key FROM " + t
                            + " WHERE expires_at <= clock_timestamp() ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)");
            case H2 -> new ReplayGuardSql(
                    "MERGE INTO " + t + " g USING (VALUES (CAST(? AS VARCHAR(512)))) s(k) ON g.delivery_key = s.k"
                            + " WHEN MATCHED AND g.expires_at <= CURRENT_TIMESTAMP THEN UPDATE SET processed = FALSE, token = ?,"
                            + " expires_at = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)"
                            + " WHEN NOT MATCHED THEN INSERT (delivery_key, processed, token, expires_at)"
                            + " VALUES (s.k, FALSE, ?, DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP))",
                    null,
                    "SELECT processed FROM " + t + " WHERE delivery_key = ? AND expires_at > CURRENT_TIMESTAMP",
                    "UPDATE " + t + " SET processed = TRUE, token = NULL,"
                            + " expires_at = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)"
                            + " WHERE delivery_key = ? AND token = ? AND processed = FALSE",
                    "DELETE FROM " + t + " WHERE delivery_key = ? AND token = ? AND processed = FALSE",
                    "DELETE FROM " + t + " WHERE expires_at <= CURRENT_TIMESTAMP FETCH FIRST ? ROWS ONLY");
        };
    }
}
