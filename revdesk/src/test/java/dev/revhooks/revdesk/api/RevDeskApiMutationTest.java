package dev.revhooks.revdesk.api;

import static dev.revhooks.revdesk.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.LocalApiServer;
import org.junit.jupiter.api.Test;

/** A subscription by raw event-type name returns its id, also with an explicit JSON set-up. */
class RevDeskApiMutationTest {

    @Test
    void subscribingByNameReturnsTheSubscriptionId() throws Exception {
        try (LocalApiServer server = LocalApiServer.start()) {
            server.reply(201, "{\"id\":\"whk_3\"}");
            RevDeskApi api = client(server).json(WebhookJson.shared()).build();

            assertThat(api.subscribe("https://hooks.example.com/revdesk", "call_transferred", null, null)).isEqualTo("whk_3");
        }
    }
}
