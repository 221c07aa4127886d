package dev.revhooks.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.core.testing.Await;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisReplayGuardTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static LocalRedis redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> strings;
    private static StatefulRedisConnection<byte[], byte[]> bytes;
    private static RedisCommands<String, String> admin;

    @BeforeAll
    static void start() {
        redis = LocalRedis.start();
        client = redis.client();
        strings = client.connect();
        bytes = client.connect(ByteArrayCodec.INSTANCE);
        admin = strings.sync();
    }

    @AfterAll
    static void stop() {
        strings.close();
        bytes.close();
        client.shutdown();
        redis.close();
    }

    /** A guard of its own key prefix over the shared String connection. */
    private static RedisReplayGuard.Builder fresh() {
        return RedisReplayGuard.builder(strings).keyPrefix("t" + PREFIXES.incrementAndGet() + ":");
    }

    private static DeliveryKey key(String value) {
        return new DeliveryKey(value);
    }

    private static ClaimToken claimNew(RedisReplayGuard guard, String key) {
        ClaimResult claimed = guard.claim(key(key));
        assertThat(claimed.claim()).isEqualTo(Claim.NEW);
        return claimed.token();
    }

    @Test
    void aCompletedKeyIsAlreadyProcessedThroughEveryConnectionKind() {
        String prefix = "kinds" + PREFIXES.incrementAndGet() + ":";
        RedisReplayGuard overStrings = RedisReplayGuard.builder(strings).keyPrefix(prefix).build();
        RedisReplayGuard overBytes = RedisReplayGuard.builderOverBytes(bytes).keyPrefix(prefix).build();
        try (RedisReplayGuard ownConnection = RedisReplayGuard.builder(client).keyPrefix(prefix).build()) {
            ClaimToken token = claimNew(overBytes, "a");
            assertThat(overStrings.claim(key("a")).claim()).isEqualTo(Claim.IN_PROGRESS);
            assertThat(ownConnection.claim(key("a")).claim()).isEqualTo(Claim.IN_PROGRESS);
            assertThat(ownConnection.complete(key("a"), ClaimToken.random())).isFalse();
            assertThat(overBytes.complete(key("a"), token)).isTrue();
            assertThat(overStrings.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
            assertThat(ownConnection.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
            assertThat(overBytes.claim(key("a")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
            assertThat(overBytes.complete(key("a"), token)).as("completed already").isFalse();
            assertThat(overBytes.release(key("a"), token)).as("a completed key stays completed").isFalse();
            assertThat(admin.get(prefix + "a")).isEqualTo("processed");
            assertThat(admin.pttl(prefix + "a")).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());

            ClaimToken other = claimNew(ownConnection, "b");
            assertThat(admin.get(prefix + "b")).isEqualTo("claim:" + other.value());
            assertThat(admin.pttl(prefix + "b")).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
            assertThat(overBytes.release(key("b"), other)).isTrue();
            assertThat(admin.exists(prefix + "b")).isZero();
            assertThat(overStrings.complete(key("b"), null)).isFalse();
            assertThat(overStrings.release(key("b"), null)).isFalse();
        }
    }

    @Test
    void aReleasedClaimIsNewAgain() {
        RedisReplayGuard guard = fresh().build();
        ClaimToken first = claimNew(guard, "c");
        assertThat(guard.release(key("c"), ClaimToken.random())).isFalse();
        assertThat(guard.release(key("c"), first)).isTrue();
        assertThat(guard.release(key("c"), first)).isFalse();
        ClaimToken second = claimNew(guard, "c");
        assertThat(guard.complete(key("c"), first)).isFalse();
        assertThat(guard.complete(key("c"), second)).isTrue();
    }

    @Test
    void aStaleOwnerCanNeitherCompleteNorReleaseTheClaimThatTookItsLeaseOver() {
        String prefix = "stale" + PREFIXES.incrementAndGet() + ":";
        RedisReplayGuard stale = RedisReplayGuard.builder(strings).keyPrefix(prefix).lease(Duration.ofMillis(200)).build();
        RedisReplayGuard taker = RedisReplayGuard.builderOverBytes(bytes).keyPrefix(prefix).build();
        ClaimToken staleToken = claimNew(stale, "d");
        ClaimToken[] taken = new ClaimToken[1];
        Await.until("the lease ends by Redis's clock and the claim is taken over", BOUND, () -> {
            ClaimResult claimed = taker.claim(key("d"));
            assertThat(claimed.claim()).isNotEqualTo(Claim.ALREADY_PROCESSED);
            taken[0] = claimed.token();
            return claimed.isNew();
        });
        assertThat(stale.complete(key("d"), staleToken)).isFalse();
        assertThat(stale.release(key("d"), staleToken)).isFalse();
        assertThat(stale.claim(key("d")).claim()).isEqualTo(Claim.IN_PROGRESS);
        assertThat(taker.complete(key("d"), taken[0])).isTrue();
        assertThat(stale.release(key("d"), staleToken)).isFalse();
        assertThat(stale.claim(key("d")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
    }

    @Test
    void aProcessedKeyIsForgottenAfterItsRetention() {
        RedisReplayGuard guard = fresh().retention(Duration.ofMillis(200)).build();
        guard.complete(key("e"), claimNew(guard, "e"));
        assertThat(guard.claim(key("e")).claim()).isEqualTo(Claim.ALREADY_PROCESSED);
        Await.until("the retention ended", BOUND, () -> guard.claim(key("e")).isNew());
    }

    @Test
    void everyKeyCarriesATtlSoAFloodOfKeysExpiresByItself() {
        String prefix = "flood" + PREFIXES.incrementAndGet() + ":";
        RedisReplayGuard flood = RedisReplayGuard.builder(strings).keyPrefix(prefix)
                .lease(Duration.ofSeconds(5)).retention(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 200; i++) {
            ClaimToken token = claimNew(flood, "k" + i);
            if (i % 2 == 0) {
                flood.complete(key("k" + i), token);
            }
        }
        List<String> keys = admin.keys(prefix + "*");
        assertThat(keys).hasSize(200);
        assertThat(keys).allSatisfy(k -> assertThat(admin.pttl(k)).isPositive());
        Await.until("every flooded key expired", BOUND, () -> admin.keys(prefix + "*").isEmpty());
    }

    @Test
    void scriptsFlushedFromTheServerAreLoadedAgain() {
        RedisReplayGuard guard = fresh().build();
        RedisReplayGuard overBytes = RedisReplayGuard.builderOverBytes(bytes).keyPrefix("flushed" + PREFIXES.incrementAndGet() + ":").build();
        ClaimToken token = claimNew(guard, "f");
        ClaimToken other = claimNew(overBytes, "f");
        admin.scriptFlush();
        assertThat(guard.complete(key("f"), token)).isTrue();
        admin.scriptFlush();
        assertThat(overBytes.release(key("f"), other)).isTrue();
        admin.scriptFlush();
        assertThat(guard.release(key("f"), token)).isFalse();
        assertThat(admin.scriptExists(LuaScript.COMPLETE.sha1(), LuaScript.RELEASE.sha1())).containsExactly(false, true);
    }

    @Test
    void anUnreachableServerIsATypedFailure() {
        RedisClient nowhere = RedisClient.create("redis://127.0.0.1:" + LocalRedis.freePort());
        try {
            assertThatThrownBy(() -> RedisReplayGuard.builder(nowhere).keyPrefix("x:").build())
                    .isInstanceOf(ReplayStoreUnavailableException.class)
                    .hasMessage("Redis replay guard (prefix x:): connecting failed (RedisConnectionException)");
        } finally {
            nowhere.shutdown();
        }
    }

    @Test
    void settingsAreChecked() {
        RedisReplayGuard.Builder builder = fresh();
        assertThatThrownBy(() -> builder.lease(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease must be at least 1 millisecond");
        assertThatThrownBy(() -> builder.retention(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention must be at least 1 millisecond");
        assertThatThrownBy(() -> builder.keyPrefix("bad prefix")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisReplayGuard.builder((RedisClient) null)).isInstanceOf(NullPointerException.class);
        assertThat(builder.build().toString()).startsWith("RedisReplayGuard[prefix=t").contains("leaseMillis=300000")
                .contains("retentionMillis=86400000");
        assertThatThrownBy(() -> fresh().build().claim(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keyPrefixesAreCheckedNamingTheCheck() {
        assertThat(KeyPrefix.of("myapp:revhooks.replay-1_").key("k")).isEqualTo("myapp:revhooks.replay-1_k");
        assertThat(KeyPrefix.of("a".repeat(64)).value()).hasSize(64);
        for (String bad : new String[] {"a b", "a*", "a?", "a[1]", "{tag}", "a\nb", "é", "a".repeat(65)}) {
            assertThatThrownBy(() -> KeyPrefix.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("key prefix must be 1 to 64 characters of [A-Za-z0-9:_.-]");
        }
        assertThatThrownBy(() -> KeyPrefix.of("")).isInstanceOf(IllegalArgumentException.class).hasMessage("key prefix is required");
        assertThatThrownBy(() -> KeyPrefix.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("key prefix is required");
    }
}
