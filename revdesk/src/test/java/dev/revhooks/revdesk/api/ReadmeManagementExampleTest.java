package dev.revhooks.revdesk.api;

import dev.revhooks.core.Secret;
import dev.revhooks.core.api.ManagementApiException;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.revdesk.RevDeskEventType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's management API example, compiled here against the real API (not run: it calls RevDesk);
 * the README quotes it verbatim.
 */
class ReadmeManagementExampleTest {

    private final String pathToken = "7f3c9e1a5b2d4c6e8f0a"; // README: System.getenv("REVDESK_PATH_TOKEN")

    String manage() throws ManagementApiException {
        // README manage: from here
        RevDeskApi api = RevDeskApi.builder()
                .apiKey(Secret.of(System.getenv("REVDESK_API_KEY")))  // sent as "Authorization: Bearer ..."
                .build();                                             // once; immutable, thread-safe

        String busy = api.subscribe("https://hooks.example.com/revdesk/call_busy/" + pathToken,
                RevDeskEventType.CALL_BUSY);                          // one URL per event type
        String numbers = api.subscribe("https://hooks.example.com/revdesk/number_purchased",
                RevDeskEventType.NUMBER_PURCHASED, null, "cmp_34");   // optional workflow / campaign scope
        api.unsubscribe(busy);                                        // 204, or a ManagementApiException
        // README manage: to here
        return numbers;
    }

    @Test
    void theReadmeQuotesTheCompiledExample() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/revdesk/api/ReadmeManagementExampleTest.java"), "manage");
    }
}
