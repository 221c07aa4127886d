package dev.revhooks.revont.api;

import static dev.revhooks.revont.api.ApiFixtures.CREATE_RESPONSE_EXAMPLE;
import static dev.revhooks.revont.api.ApiFixtures.EXAMPLE_SECRET_VALUE;
import static dev.revhooks.revont.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.testing.LocalApiServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A create call with raw event names returns the created endpoint, also with an explicit JSON set-up. */
class RevontApiMutationTest {

    @Test
    void createWithEventNamesReturnsTheEndpointAndItsSecret() throws Exception {
        try (LocalApiServer server = LocalApiServer.start()) {
            server.reply(201, CREATE_RESPONSE_EXAMPLE);
            RevontApi api = client(server).json(WebhookJson.shared()).build();

            CreatedWebhookEndpoint created = api.createWithEventNames("https://hooks.yourapp.com/revont",
                    List.of("call.ended", "summary.ready"), "Production event handler");

            assertThat(created.endpoint().id()).isEqualTo("wh_01HX9ABCDE");
            assertThat(new String(created.secret().bytes(), StandardCharsets.UTF_8)).isEqualTo(EXAMPLE_SECRET_VALUE);
        }
    }
}
