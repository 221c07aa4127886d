package dev.revhooks.revdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

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
    static RevDeskApi.Builder client(LocalApiServer server) {
        return RevDeskApi.builder()
                .apiKey(API_KEY)
                .baseUri(server.baseUri())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5));
    }

    /** Runs {@code call}, which must throw a {@link RevDeskApiException}, and returns it. */
    static RevDeskApiException apiFailure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RevDeskApiException.class);
        return (RevDeskApiException) thrown;
    }

    static ObjectNode json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode json(byte[] bytes) {
        try {
            return WebhookJson.shared().readObject(bytes);
        } catch (WebhookPayloadException e) {
            throw new AssertionError("not a JSON object: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
