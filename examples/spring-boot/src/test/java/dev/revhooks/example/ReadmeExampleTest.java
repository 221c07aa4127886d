package dev.revhooks.example;

import dev.revhooks.core.testing.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README quotes the app's two classes verbatim; {@link WebhookAppTest} runs them. */
class ReadmeExampleTest {

    @Test
    void theReadmeQuotesTheAppsClasses() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"), Path.of("src/main/java/dev/revhooks/example/WebhookApp.java"), "app");
        ReadmeSnippets.assertQuoted(Path.of("README.md"), Path.of("src/main/java/dev/revhooks/example/CallListener.java"),
                "listener");
    }
}
