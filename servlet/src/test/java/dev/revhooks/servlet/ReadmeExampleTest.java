package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.core.testing.RecordingObserver;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The README's examples, compiled here against the real API; the README quotes them verbatim. The
 * listener and servlet are nested classes here (top-level classes in the README); the filter they
 * set up is run by {@link RevontFilterTest}.
 */
class ReadmeExampleTest {

    /** The app's dead-letter store. */
    static final class DeadLetters {
        final List<UnparseableDelivery> kept = new ArrayList<>();

        void keep(UnparseableDelivery delivery) {
            kept.add(delivery);
        }
    }

    private final DeadLetters deadLetters = new DeadLetters();
    private final List<Runnable> work = new ArrayList<>();
    private final Executor executor = work::add;
    private final List<RevontEvent> processed = new ArrayList<>();
    private final RevontWebhooks revont = RevontWebhooks.builder().secret(Secret.of("whsec_revont_servlet_readme")).build();
    private final WebhookObserver observer = new RecordingObserver();

    void process(VerifiedDelivery<RevontEvent> delivery) {
        processed.add(delivery.event());
    }

    // README setup: from here
    @WebListener
    public final class Webhooks implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            RevontWebhooks revont = RevontWebhooks.builder()
                    .secret(Secret.of(System.getenv("REVONT_WEBHOOK_SECRET"))).build();   // once, shared
            event.getServletContext()
                    .addFilter("revont-webhooks", WebhookFilter.builder(revont).onUnparseableDelivery(deadLetters::keep).build())
                    .addMappingForUrlPatterns(null, false, "/hooks/revont");
        }
    }

    @WebServlet("/hooks/revont")
    public final class RevontHooks extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            VerifiedDelivery<RevontEvent> delivery = WebhookFilter.delivery(req, RevontEvent.class);
            executor.execute(() -> process(delivery));     // work later...
            resp.setStatus(204);                           // ...acknowledge now
        }
    }
    // README setup: to here

    WebhookFilter<RevontEvent> observedFilter() {
        // README observed: from here
        WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont)
                .replayGuard(InMemoryReplayGuard.builder().build())
                .observer(observer, RevontEvent::type)   // the event type tags duplicates and handler failures
                .build();
        // README observed: to here
        return filter;
    }

    @Test
    void theObservedFilterBuilds() {
        assertThat(observedFilter()).isNotNull();
    }

    @Test
    void theReadmeQuotesTheCompiledExamples() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/servlet/ReadmeExampleTest.java"), "setup", "observed");
    }
}
