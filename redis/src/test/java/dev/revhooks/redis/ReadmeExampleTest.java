package dev.revhooks.redis;

import dev.revhooks.core.Secret;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's wiring, compiled here against the real API (not run: it names the app's Redis host;
 * {@link RedisReplayGuardTest} runs the guard on a local Redis); the README quotes it verbatim.
 */
class ReadmeExampleTest {

    private final RevontWebhooks revont = RevontWebhooks.builder().secret(Secret.of("whsec_redis_readme")).build();

    WebhookFilter<RevontEvent> wiring() {
        // README wiring: from here
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("redis").withPort(6379)
                .withTimeout(Duration.ofSeconds(2)).build());                    // commands fail after 2 s
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()); // fail fast while down
        RedisReplayGuard guard = RedisReplayGuard.builder(client).keyPrefix("myapp:replay:").build();
        WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont).replayGuard(guard).build();
        // README wiring: to here
        return filter;
    }

    @Test
    void theReadmeQuotesTheCompiledExample() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/redis/ReadmeExampleTest.java"), "wiring");
    }
}
