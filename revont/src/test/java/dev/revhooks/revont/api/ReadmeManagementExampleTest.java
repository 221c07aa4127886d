package dev.revhooks.revont.api;

import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.revont.RevontEventType;
import dev.revhooks.revont.RevontWebhooks;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README's management API example, compiled here against the real API (not run: it calls Revont);
 * the README quotes it verbatim. {@link RevontApiEndToEndTest} runs the same calls against a local server.
 */
class ReadmeManagementExampleTest {

    /** The app's secret store. */
    interface Vault {
        void store(String name, Secret secret);
    }

    private final Vault vault = (name, secret) -> { };

    RevontWebhooks manage() throws ManagementApiException {
        // README manage: from here
        RevontApi api = RevontApi.builder()
                .apiKey(Secret.of(System.getenv("REVONT_API_KEY")))   // sent as "Authorization: Bearer ..."
                .build();                                             // once; immutable, thread-safe

        CreatedWebhookEndpoint created = api.create("https://hooks.example.com/revont",
                Set.of(RevontEventType.CALL_ENDED, RevontEventType.SUMMARY_READY), "Production event handler");
        vault.store("revont/" + created.endpoint().id(), created.secret());  // shown once: store it now
        RevontWebhooks receiver = RevontWebhooks.builder().secret(created.secret()).build();

        for (WebhookEndpoint endpoint : api.list()) {                 // id, url, events, description,
            if (endpoint.status() != null                             // createdAt, status
                    && endpoint.status().is(WebhookEndpointStatus.DISABLED)) {
                api.delete(endpoint.id());                            // 204, or a ManagementApiException
            }
        }
        // README manage: to here
        return receiver;
    }

    @Test
    void theReadmeQuotesTheCompiledExample() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/revont/api/ReadmeManagementExampleTest.java"), "manage");
    }
}
