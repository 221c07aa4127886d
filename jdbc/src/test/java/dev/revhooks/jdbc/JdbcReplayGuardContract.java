package dev.revhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.core.testing.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What every dialect of {@link JdbcReplayGuard} must do, against a real database. */
abstract class JdbcReplayGuardContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final Duration BOUND = Duration.ofSeconds(20);

    abstract DataSource dataSource();

    abstract SqlDialect dialect();

    /** A guard over a table of its own, created by the guard. */
    JdbcReplayGuard.Builder fresh() {
        return JdbcReplayGuard.builder(dataSource()).table("replay_" + TABLES.incrementAndGet()).createTableIfMissing();
    }

    static DeliveryKey key(String value) {
        return new DeliveryKey(value);
    }

    static ClaimToken claimNew(JdbcReplayGuard guard, String key) {
        ClaimResult claimed = guard.claim(key(key));
        assertThat(claimed.claim()).isEqualTo(Claim.NEW);
        return claimed.token();
    }

    long count(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void detectsItsDialect() {
        assertThat(fresh().build().dialect()).isEqualTo(dialect());
        assertThat(fresh().dialect(dialect()).build().toString()).contains(dialect().name()).contains("leaseMillis=300000");
    }

    @Test
    void aCompletedKeyIsAlreadyProcessedEverywhere() {
        JdbcReplayGuard guard = fresh().build();
        JdbcReplayGuard otherInstance = JdbcReplayGuard.builder(dataSource()).table(guard.table().sql()).build();
        ClaimToken token = claimNew(guard, "a");
        assertThat(otherInstance.claim(key("a")).claim()).isEqualTo(Claim.IN_PROGRESS);
        assertThat(otherInstance.complete(key("a"), ClaimToken.random())).isFalse();
        assertThat(guard.complete(key("a"), token)).isTrue();
        assertThat(otherInstance.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThat(guard.complete(key("a"), token)).as("completed already").isFalse();
        assertThat(guard.release(key("a"), token)).as("a completed key stays completed").isFalse();
        assertThat(guard.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThat(guard.complete(key("a"), null)).isFalse();
        assertThat(guard.release(key("a"), null)).isFalse();
    }

    @Test
    void aReleasedClaimIsNewAgain() {
        JdbcReplayGuard guard = fresh().build();
        ClaimToken first = claimNew(guard, "b");
        assertThat(guard.release(key("b"), ClaimToken.random())).isFalse();
        assertThat(guard.release(key("b"), first)).isTrue();
        assertThat(guard.release(key("b"), first)).isFalse();
        ClaimToken second = claimNew(guard, "b");
        assertThat(second).isNotEqualTo(first);
        assertThat(guard.complete(key("b"), first)).isFalse();
        assertThat(guard.complete(key("b"), second)).isTrue();
    }

    @Test
    void aStaleOwnerCanNeitherCompleteNorReleaseTheClaimThatTookItsLeaseOver() {
        JdbcReplayGuard stale = fresh().lease(Duration.ofMillis(200)).build();
        JdbcReplayGuard taker = JdbcReplayGuard.builder(dataSource()).table(stale.table().sql()).build();
        ClaimToken staleToken = claimNew(stale, "c");
        ClaimToken[] taken = new ClaimToken[1];
        Await.until("the lease ends by the database's clock and the claim is taken over", BOUND, () -> {
            ClaimResult claimed = taker.claim(key("c"));
            assertThat(claimed.claim()).isNotEqualTo(Claim.ALREADY_PROCESSED);
            taken[0] = claimed.token();
            return claimed.isNew();
        });
        assertThat(stale.complete(key("c"), staleToken)).isFalse();
        assertThat(stale.release(key("c"), staleToken)).isFalse();
        assertThat(stale.claim(key("c")).claim()).as("still the new owner's (lease 5 minutes)").isEqualTo(Claim.IN_PROGRESS);
        assertThat(taker.complete(key("c"), taken[0])).isTrue();
        assertThat(stale.release(key("c"), staleToken)).isFalse();
        assertThat(stale.claim(key("c")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void anExpiredClaimNobodyTookOverIsStillItsOwners() {
        JdbcReplayGuard guard = fresh().lease(Duration.ofMillis(1)).build();
        String table = guard.table().sql();
        ClaimToken token = claimNew(guard, "d");
        Await.until("the lease ended", BOUND, () -> count("SELECT COUNT(*) FROM " + table + " WHERE expires_at <= CURRENT_TIMESTAMP") == 1);
        assertThat(guard.complete(key("d"), token)).isTrue();
        assertThat(guard.claim(key("d")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void aProcessedKeyIsForgottenAfterItsRetention() {
        JdbcReplayGuard guard = fresh().retention(Duration.ofMillis(200)).build();
        ClaimToken token = claimNew(guard, "e");
        guard.complete(key("e"), token);
        assertThat(guard.claim(key("e")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        Await.until("the retention ended", BOUND, () -> guard.claim(key("e")).isNew());
    }

    @Test
    void purgeDeletesExpiredRowsInBoundedBatchesSoAFloodOfKeysLeavesOnlyLiveRows() {
        JdbcReplayGuard flood = fresh().lease(Duration.ofMillis(1)).retention(Duration.ofMillis(1)).build();
        String table = flood.table().sql();
        JdbcReplayGuard live = JdbcReplayGuard.builder(dataSource()).table(table).build();
        for (int i = 0; i < 25; i++) {
            ClaimToken token = claimNew(flood, "flood-" + i);
            if (i % 2 == 0) {
                flood.complete(key("flood-" + i), token);
            }
        }
        for (int i = 0; i < 5; i++) {
            claimNew(live, "live-" + i);
        }
        Await.until("the flood expired", BOUND, () -> count("SELECT COUNT(*) FROM " + table + " WHERE expires_at <= CURRENT_TIMESTAMP") == 25);
        assertThat(flood.purgeExpired(10)).isEqualTo(10);
        assertThat(flood.purgeExpired(10)).isEqualTo(10);
        assertThat(flood.purgeExpired(10)).isEqualTo(5);
        assertThat(flood.purgeExpired(10)).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + table)).isEqualTo(5);
        assertThat(live.claim(key("live-0")).claim()).isEqualTo(Claim.IN_PROGRESS);
        assertThatThrownBy(() -> flood.purgeExpired(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be 1 to 100000");
        assertThatThrownBy(() -> flood.purgeExpired(100_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(flood.purgeExpired(100_000)).isZero();
    }

    @Test
    void anyKeyCanBeStoredLongOnesAsTheirHash() {
        JdbcReplayGuard guard = fresh().build();
        String table = guard.table().sql();
        String longKey = "revont:" + "x".repeat(5_000);
        ClaimToken token = claimNew(guard, longKey);
        assertThat(guard.claim(key(longKey + "y")).isNew()).as("another long key").isTrue();
        assertThat(guard.complete(key(longKey), token)).isTrue();
        assertThat(guard.claim(key(longKey)).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThat(guard.claim(key("a\u0000b")).isNew()).isTrue();
        assertThat(count("SELECT MAX(LENGTH(delivery_key)) FROM " + table)).isEqualTo(65);
    }

    @Test
    void createsItsTableUnderACheckedSchemaQualifiedNameOnlyWhenAsked() {
        execute("CREATE SCHEMA IF NOT EXISTS hooks");
        TableName table = TableName.of("hooks.guard_" + TABLES.incrementAndGet());
        JdbcReplayGuard guard = JdbcReplayGuard.builder(dataSource()).table(table).createTableIfMissing().build();
        JdbcReplayGuard.builder(dataSource()).table(table).createTableIfMissing().build(); // again: no error
        claimNew(guard, "f");
        assertThat(count("SELECT COUNT(*) FROM " + table.sql())).isEqualTo(1);

        JdbcReplayGuard missing = JdbcReplayGuard.builder(dataSource()).table("never_created").build();
        assertThatThrownBy(() -> missing.claim(key("secret-key-value"))).isInstanceOf(ReplayStoreUnavailableException.class)
                .hasMessageContaining("claim failed, SQLState 42").hasMessageContaining("never_created")
                .hasMessageNotContaining("secret-key-value").hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> missing.complete(key("k"), ClaimToken.random())).isInstanceOf(ReplayStoreUnavailableException.class)
                .hasMessageContaining("complete failed");
        assertThatThrownBy(() -> missing.release(key("k"), ClaimToken.random())).isInstanceOf(ReplayStoreUnavailableException.class)
                .hasMessageContaining("release failed");
        assertThatThrownBy(() -> missing.purgeExpired(1)).isInstanceOf(ReplayStoreUnavailableException.class)
                .hasMessageContaining("purgeExpired failed");
    }

    @Test
    void aPoolWithAutoCommitOffWorksToo() {
        JdbcReplayGuard guard = fresh().build();
        JdbcReplayGuard manual = JdbcReplayGuard.builder(new ManualCommitDataSource(dataSource())).table(guard.table().sql()).build();
        ClaimToken token = claimNew(manual, "g");
        assertThat(guard.claim(key("g")).claim()).as("committed").isEqualTo(Claim.IN_PROGRESS);
        assertThat(manual.complete(key("g"), token)).isTrue();
        assertThat(guard.claim(key("g")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        assertThat(manual.claim(key("g")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        ClaimToken other = claimNew(manual, "h");
        assertThat(manual.release(key("h"), other)).isTrue();
        assertThat(guard.claim(key("h")).isNew()).isTrue();
    }
}
