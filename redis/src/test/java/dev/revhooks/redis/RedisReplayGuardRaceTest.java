package dev.revhooks.redis;

import dev.revhooks.core.testing.ReplayGuardRace;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two guard instances, each over a connection of its own, eight threads each: sixteen threads claiming the same 10,000 keys in the same order. */
@Tag("heavy")
class RedisReplayGuardRaceTest {

    @Test
    void exactlyOneNewPerKeyAndAllProcessedAfterwards() throws Exception {
        try (LocalRedis redis = LocalRedis.start()) {
            RedisClient client = redis.client();
            List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
            try {
                List<RedisReplayGuard> guards = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    StatefulRedisConnection<String, String> connection = client.connect();
                    connections.add(connection);
                    guards.add(RedisReplayGuard.builder(connection).build());
                }
                ReplayGuardRace.assertOneWinnerPerKey(guards, 8, 10_000, "race-");
            } finally {
                connections.forEach(StatefulRedisConnection::close);
                client.shutdown();
            }
        }
    }
}
