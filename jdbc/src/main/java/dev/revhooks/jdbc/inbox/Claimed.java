package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.Authentication;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A row a worker took, read in the order of {@link InboxSql#ROW}. */
record Claimed(long id, String vendor, String deliveryKey, String eventType, Instant receivedAt, byte[] body, String headers,
               Authentication authentication, int attempts) {

    static Claimed read(ResultSet rs) throws SQLException {
        return new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBytes(6), rs.getString(7),
                JdbcInbox.authentication(rs.getString(8), rs.getString(9)), rs.getInt(10));
    }
}
