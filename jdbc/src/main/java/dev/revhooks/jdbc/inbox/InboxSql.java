package dev.revhooks.jdbc.inbox;

import dev.revhooks.jdbc.SqlDialect;
import dev.revhooks.jdbc.TableName;
import java.util.Collections;

/**
 * The statements of {@link JdbcInbox} for one dialect, one checked table name and the vendors the
 * instance processes. Every value is a bind parameter; the only text written in is the
 * {@link TableName}, checked before. Every point in time is the database's clock plus a bound
 * number of milliseconds ({@code clock_timestamp()} in PostgreSQL, {@code CURRENT_TIMESTAMP} in
 * H2), written {@code T} below.
 *
 * @param insert        (vendor, key, type, T received, body, headers, method, credential, state, T due, last error)
 * @param claim         PostgreSQL: one {@code UPDATE ... RETURNING} taking due rows with
 *                      {@code FOR UPDATE SKIP LOCKED} (token, T lease end, T now, vendors..., limit);
 *                      H2: the locking {@code SELECT} of ids (T now, vendors..., limit)
 * @param leaseOne      H2 only: leases one locked row (token, T lease end, id)
 * @param leased        H2 only: the rows leased with a token (token)
 * @param done          marks the owner's row done (T now, id, token)
 * @param retry         returns the owner's row for a later attempt (T due, error, id, token)
 * @param dead          makes the owner's row a dead letter (error, id, token)
 * @param handBack      returns the owner's row unstarted (T now, id, token)
 * @param deadLetters   dead letters oldest first (limit)
 * @param countDead     the number of dead letters
 * @param requeueOne    makes one dead letter due again (T now, id)
 * @param requeueAll    makes every dead letter due again (T now)
 * @param purge         deletes at most n rows done before a time (T cut-off, n)
 * @param backlog       the number of pending rows
 * @param oldestDue     the earliest received time of a due row and the database's time (T now, T now)
 */
record InboxSql(String insert, String claim, String leaseOne, String leased, String done, String retry, String dead,
                String handBack, String deadLetters, String countDead, String requeueOne, String requeueAll, String purge,
                String backlog, String oldestDue) {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String DEAD = "DEAD";

    /** The columns a worker reads of a row it took, in this order. */
    static final String ROW = "id, vendor, delivery_key, event_type, received_at, body, headers, auth_method, credential_id, attempts";

    static InboxSql of(SqlDialect dialect, TableName table, int vendors) {
        String t = table.sql();
        String time = dialect == SqlDialect.POSTGRESQL
                ? "(clock_timestamp() + CAST(? AS BIGINT) * INTERVAL '1 millisecond')"
                : "DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)";
        String vendorList = String.join(", ", Collections.nCopies(Math.max(vendors, 1), "?"));
        String due = "SELECT id FROM " + t + " WHERE state = '" + PENDING + "' AND due_at <= " + time
                + " AND vendor IN (" + vendorList + ") ORDER BY due_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
        String insert = "INSERT INTO " + t + " (vendor, delivery_key, event_type, received_at, body, headers, auth_method,"
                + " credential_id, state, attempts, due_at, last_error) VALUES (?, ?, ?, " + time + ", ?, ?, ?, ?, ?, 0, " + time + ", ?)";
        String owner = " WHERE id = ? AND lease_token = ?";
        boolean pg = dialect == SqlDialect.POSTGRESQL;
        return new InboxSql(
                pg ? insert + " ON CONFLICT (vendor, delivery_key) DO NOTHING" : insert,
                pg ? "UPDATE " + t + " SET attempts = attempts + 1, lease_token = ?, due_at = " + time
                        + " WHERE id IN (" + due + ") RETURNING " + ROW : due,
                pg ? null : "UPDATE " + t + " SET attempts = attempts + 1, lease_token = ?, due_at = " + time + " WHERE id = ?",
                pg ? null : "SELECT " + ROW + " FROM " + t + " WHERE lease_token = ? ORDER BY due_at",
                "UPDATE " + t + " SET state = '" + DONE + "', lease_token = NULL, last_error = NULL, completed_at = " + time + owner,
                "UPDATE " + t + " SET lease_token = NULL, due_at = " + time + ", last_error = ?" + owner,
                "UPDATE " + t + " SET state = '" + DEAD + "', lease_token = NULL, last_error = ?" + owner,
                "UPDATE " + t + " SET lease_token = NULL, attempts = attempts - 1, due_at = " + time + owner,
                "SELECT id, vendor, delivery_key, event_type, received_at, attempts, last_error, auth_method, credential_id FROM " + t
                        + " WHERE state = '" + DEAD + "' ORDER BY id FETCH FIRST ? ROWS ONLY",
                "SELECT COUNT(*) FROM " + t + " WHERE state = '" + DEAD + "'",
                "UPDATE " + t + " SET state = '" + PENDING + "', attempts = 0, lease_token = NULL, due_at = " + time
                        + " WHERE id = ? AND state = '" + DEAD + "'",
                "UPDATE " + t + " SET state = '" + PENDING + "', attempts = 0, lease_token = NULL, due_at = " + time
                        + " WHERE state = '" + DEAD + "'",
                pg ? "DELETE FROM " + t + " WHERE id IN (SELECT id FROM " + t + " WHERE state = '" + DONE + "' AND completed_at <= "
                        + time + " ORDER BY completed_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED)"
                        : "DELETE FROM " + t + " WHERE state = '" + DONE + "' AND completed_at <= " + time + " FETCH FIRST ? ROWS ONLY",
                "SELECT COUNT(*) FROM " + t + " WHERE state = '" + PENDING + "'",
                "SELECT MIN(received_at), " + time + " FROM " + t + " WHERE state = '" + PENDING + "' AND due_at <= " + time);
    }

    /** Whether a claim is one statement returning the rows (PostgreSQL) or three (H2). */
    boolean claimReturnsRows() {
        return leaseOne == null;
    }
}
