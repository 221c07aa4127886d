package dev.revhooks.revdesk.api;

import static dev.revhooks.core.api.ApiAssertions.apiFailure;
import static dev.revhooks.core.api.ApiAssertions.assertShowsNoCredential;
import static dev.revhooks.core.api.ApiAssertions.echoingBodies;
import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY_VALUE;
import static dev.revhooks.revdesk.api.ApiFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.api.ManagementApiException.Failure;
import dev.revhooks.core.testing.LocalApiServer;
import dev.revhooks.revdesk.RevDeskEventType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An error that echoes part of the API key or the webhook URL with its path token quotes neither. */
class ApiRedactionTest {

    private static final String TOKEN = "tk_8c1e5a9f2d7b3e60";
    private static final List<String> URLS = List.of("https://example.com/hooks/revdesk/" + TOKEN + "/call_busy",
            "https://example.com/hooks/revdesk?token=" + TOKEN);

    private LocalApiServer server;
    private RevDeskApi api;

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
    void aRejectedSubscribeEchoingTheKeyOrTheUrlShowsNeither() {
        for (String url : URLS) {
            for (String body : echoingBodies(API_KEY_VALUE, url, TOKEN)) {
                for (int status : new int[] {400, 500}) {
                    server.reply(status, body);
                    ManagementApiException e = apiFailure(() -> api.subscribe(url, RevDeskEventType.CALL_BUSY));
                    assertThat(e.failure()).isEqualTo(Failure.UNEXPECTED_STATUS);
                    assertThat(e.getMessage()).startsWith("RevDesk API POST /webhook_subscriptions: answered HTTP " + status
                            + ", expected 200 or 201 (body not quoted here: see bodyExcerpt())");
                    assertThat(e.bodyExcerpt()).contains("<redacted>");
                    assertShowsNoCredential(e, API_KEY_VALUE, TOKEN);
                }
            }
        }
    }

    @Test
    void aSubscribeAnswerThatDoesNotReadShowsNoUrlPathOrKey() {
        server.reply(201, "{\"id\":" + 7 + ",\"url\":\"" + URLS.get(0) + "\",\"k\":\"" + API_KEY_VALUE.toUpperCase() + "\"}");
        ManagementApiException e = apiFailure(() -> api.subscribe(URLS.get(0), RevDeskEventType.CALL_BUSY));
        assertThat(e.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
        assertShowsNoCredential(e, API_KEY_VALUE, TOKEN);
    }
}
