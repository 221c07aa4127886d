package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontWebhooks;
import dev.revhooks.servlet.WebhookFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's wiring, compiled and built here; the README quotes it verbatim. */
class ReadmeExampleTest {

    private final MeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final ObservationRegistry observationRegistry = TestObservationRegistry.create();
    private final Secret secret = Secret.of("whsec_micrometer_readme");

    RevontWebhooks wiring() {
        // README wiring: from here
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.builder(meterRegistry)
                .observationRegistry(observationRegistry)        // optional: one span per delivery
                .build();
        RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(observer).build();
        WebhookFilter<RevontEvent> filter = WebhookFilter.builder(revont)
                .replayGuard(InMemoryReplayGuard.builder().build())
                .observer(observer, RevontEvent::type)           // the filter's own outcomes, with the event type
                .build();
        // README wiring: to here
        assertThat(filter).isNotNull();
        return revont;
    }

    @Test
    void theWiringBuilds() {
        assertThat(wiring()).isNotNull();
    }

    @Test
    void theReadmeQuotesTheCompiledExample() {
        ReadmeSnippets.assertQuoted(Path.of("README.md"),
                Path.of("src/test/java/dev/revhooks/micrometer/ReadmeExampleTest.java"), "wiring");
    }
}
