package dev.revhooks.revont.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.json.WebhookJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test material: the API document's examples and a client for the local server. */
final class ApiFixtures {

    static final String API_KEY_VALUE = "rk_live_9fQ2xLmZ7pW1sT4vB8nC";
    static final Secret API_KEY = Secret.of("revont-api", API_KEY_VALUE);

    /** The document's "List all webhooks" response, as printed. */
    static final String LIST_EXAMPLE = """
            {
              "data": [
                {
                  "id": "wh_01HX9ABCDE",
                  "url": "https://hooks.yourapp.com/revont",
                  "events": ["call.ended", "summary.ready"],
                  "description": "Production event handler",
                  "created_at": "2024-02-01T10:00:00Z",
                  "status": "active"
                },
                {
                  "id": "wh_01HX9ABCDF",
                  "url": "https://staging.yourapp.com/revont",
                  "events": ["call.ended"],
                  "description": "Staging environment",
                  "created_at": "2024-01-15T08:30:00Z",
                  "status": "disabled"
                }
              ]
            }""";

    /** The document's "Create a webhook" request body ({@code curl -d}), as printed. */
    static final String CREATE_REQUEST_EXAMPLE = """
            {
                "url": "https://hooks.yourapp.com/revont",
                "events": ["call.ended", "summary.ready"],
                "description": "Production event handler"
              }""";

    /** The document's "Create a webhook" response, byte for byte (the revont module's test resource). */
    static final byte[] CREATE_RESPONSE_EXAMPLE = resource("/dev/revhooks/revont/create-webhook-response.json");

    /** The secret in {@link #CREATE_RESPONSE_EXAMPLE}. */
    static final String EXAMPLE_SECRET_VALUE = "whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c";

    private ApiFixtures() {
    }

    /** A client of the local server with short timeouts. */
    static RevontApi.Builder client(LocalApiServer server) {
        return RevontApi.builder()
                .apiKey(API_KEY)
                .baseUri(server.baseUri())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5));
    }

    /** Runs {@code call}, which must throw a {@link RevontApiException}, and returns it. */
    static RevontApiException apiFailure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RevontApiException.class);
        return (RevontApiException) thrown;
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

    private static byte[] resource(String name) {
        try (InputStream in = ApiFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
