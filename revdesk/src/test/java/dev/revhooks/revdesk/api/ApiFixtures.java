package dev.revhooks.revdesk.api;

import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ApiClientBuilder;
import dev.revhooks.core.testing.LocalApiServer;
import java.time.Duration;

/** Test material: the subscription document's examples and a client for the local server. */
final class ApiFixtures {

    static final String API_KEY_VALUE = "rd_live_Qm3vX8pL2nW7tY5zK1cB";
    static final Secret API_KEY = Secret.of("revdesk-api", API_KEY_VALUE);

    /** The document's subscribe request body ({@code curl -d}), as printed. */
    static final String SUBSCRIBE_REQUEST_EXAMPLE =
            "{ \"webhook_url\": \"https://example.com/hooks/revdesk\", \"event_type\": \"call_completed\" }";

    private ApiFixtures() {
    }

    /** A client of the local server with short timeouts. */
    static ApiClientBuilder<RevDeskApi> client(LocalApiServer server) {
        return RevDeskApi.builder()
                .apiKey(API_KEY)
                .baseUri(server.baseUri())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5));
    }
}
