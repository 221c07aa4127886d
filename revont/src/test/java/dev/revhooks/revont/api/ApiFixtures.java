package dev.revhooks.revont.api;

import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ApiClientBuilder;
import dev.revhooks.core.testing.LocalApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

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
    static ApiClientBuilder<RevontApi> client(LocalApiServer server) {
        return RevontApi.builder()
                .apiKey(API_KEY)
                .baseUri(server.baseUri())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5));
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
