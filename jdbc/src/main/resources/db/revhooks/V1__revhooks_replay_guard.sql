-- revhooks replay guard: one row per delivery key, shared by every instance of the app.
-- Runs unchanged on PostgreSQL (12+) and H2 (2.x). Copy it into your migrations, or point
-- Flyway at classpath:db/revhooks. JdbcReplayGuard.builder(...).createTableIfMissing() runs the
-- same statements with your table name in place of revhooks_replay_guard.
--
-- delivery_key  the delivery key (keys over 512 characters or with control characters are
--               stored as '#' followed by the SHA-256 of the key, in hex)
-- processed     false while a request holds the claim, true once it completed
-- token         the claim owner's token while in progress; null once processed
-- expires_at    database time: end of the claim's lease, or of the retention once processed
CREATE TABLE IF NOT EXISTS revhooks_replay_guard (
    delivery_key VARCHAR(512) NOT NULL PRIMARY KEY,
    processed    BOOLEAN NOT NULL,
    token        VARCHAR(64),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- purgeExpired deletes expired rows oldest first through this index.
CREATE INDEX IF NOT EXISTS revhooks_replay_guard_expires_idx ON revhooks_replay_guard (expires_at);
