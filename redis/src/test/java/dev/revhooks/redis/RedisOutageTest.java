package dev.revhooks.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayStoreUnavailableException;
import dev.revhooks.core.testing.ReplayGuardOutage;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * redis-server killed (SIGKILL) in the middle of a run and started again on the same port, with an
 * append-only file written with {@code appendfsync always}: while it is down every operation fails
 * with {@link ReplayStoreUnavailableException}; no key is processed twice; the same guard, on the
 * same client, works again once the server is back (Lettuce reconnects).
 */
class RedisOutageTest {

    private static final int KEYS = 600;

    @Test
    void typedFailuresWhileDownNoKeyProcessedTwiceAndTheSameGuardWorksAfterARestart() throws Exception {
        try (LocalRedis redis = LocalRedis.start(true)) {
            RedisClient client = redis.client();
            try (RedisReplayGuard guard = RedisReplayGuard.builder(client).build()) {
                ClaimToken inFlight = guard.claim(new DeliveryKey("in-flight")).token();
                ReplayGuardOutage run = ReplayGuardOutage.start(guard, KEYS, "outage-", Duration.ofSeconds(90));

                run.awaitProgress(100);
                redis.kill();
                run.awaitTypedFailures(3);
                assertThatThrownBy(() -> guard.claim(new DeliveryKey("while-down"))).isInstanceOf(ReplayStoreUnavailableException.class)
                        .hasMessageStartingWith("Redis replay guard (prefix revhooks:replay:): claim failed");
                assertThatThrownBy(() -> guard.complete(new DeliveryKey("in-flight"), inFlight))
                        .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("complete failed");
                assertThatThrownBy(() -> guard.release(new DeliveryKey("in-flight"), inFlight))
                        .isInstanceOf(ReplayStoreUnavailableException.class).hasMessageContaining("release failed");
                int progressWhileDown = run.progress();

                redis.restart();
                run.finish();
                assertThat(progressWhileDown).as("the outage happened mid-run").isLessThan(KEYS);
                run.assertNoKeyHandledTwice();
                assertThat(guard.complete(new DeliveryKey("in-flight"), inFlight)).as("the claim made before the kill survived").isTrue();
                assertThat(guard.claim(new DeliveryKey("after")).isNew()).isTrue();
            } finally {
                client.shutdown();
            }
        }
    }
}
