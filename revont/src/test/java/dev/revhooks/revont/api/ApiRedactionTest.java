package dev.revhooks.revont.api;

import static dev.revhooks.core.api.ApiAssertions.apiFailure;
import static dev.revhooks.core.api.ApiAssertions.assertShowsNoCredential;
import static dev.revhooks.core.api.ApiAssertions.echoingBodies;
import static dev.revhooks.revont.api.ApiFixtures.API_KEY_VALUE;
import static dev.revhooks.revont.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.testing.LocalApiServer;
import dev.revhooks.revont.RevontEventType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An error that echoes part of the API key or the webhook URL with its path token quotes neither. */
class ApiRedactionTest {

    private static final String TOKEN = "pt_3b9d1f7a2c5e8d0b";
    private static final List<String> URLS = List.of("https://hooks.yourapp.com/revont/" + TOKEN,
            "https://hooks.yourapp.com/revont?token=" + TOKEN);

    private LocalApiServer server;
    private RevontApi api;

    @BeforeEach
    void start() {
        server = LocalApiServer.start();
        api = client(server).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRejectedCreateEchoingTheKeyOrTheUrlShowsNeither() {
        for (String url : URLS) {
            for (String body : echoingBodies(API_KEY_VALUE, url, TOKEN)) {
                server.reply(422, body);
                ManagementApiException e = apiFailure(() -> api.create(url, List.of(RevontEventType.CALL_ENDED), null));
                assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
                assertThat(e.getMessage()).isEqualTo("Revont API POST /webhooks: answered HTTP 422, expected 201"
                        + " (body not quoted here: see bodyExcerpt())");
                assertThat(e.bodyExcerpt()).contains("<redacted>");
                assertShowsNoCredential(e, API_KEY_VALUE, TOKEN);
            }
        }
    }

    @Test
    void aListAnswerThatDoesNotReadShowsNoUrlPathOrKey() {
        server.reply(200, "{\"data\":[{\"id\":7,\"url\":\"https://hooks.yourapp.com/revont/" + TOKEN + "\"}],\"k\":\""
                + API_KEY_VALUE.substring(0, 16) + "\"}");
        ManagementApiException e = apiFailure(() -> api.list());
        assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
        assertShowsNoCredential(e, API_KEY_VALUE, TOKEN);
    }
}
