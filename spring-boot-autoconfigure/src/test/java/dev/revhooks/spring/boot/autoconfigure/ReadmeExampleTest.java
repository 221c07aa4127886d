package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.testing.ReadmeSnippets;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.spring.boot.autoconfigure.testing.RevDeskTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevRagTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevRingTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevontTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.SignedDelivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestTemplate;

/**
 * The examples of this module's README (listeners, test helpers) and the root README's Spring Boot
 * listener, compiled here against the real API; the READMEs quote them verbatim. The listener
 * classes (top-level in the READMEs) are inner classes here, and the starter checks them at
 * startup against the configured vendors. The test-helper lines need a running app
 * ({@link WebhookServerTest} runs them), so they are compiled only.
 */
class ReadmeExampleTest {

    /** The app's CRM. */
    static final class Crm {
        final List<String> attached = new ArrayList<>();

        void attach(String callId) {
            attached.add(callId);
        }

        boolean isVip(String number) {
            return number.endsWith("0123");
        }
    }

    private final Crm crm = new Crm();
    private final Logger log = LoggerFactory.getLogger(ReadmeExampleTest.class);

    // README listeners: from here
    @Component
    class CallListener {
        @WebhookListener
        void onSummary(RevontEvent.SummaryReady summary) { crm.attach(summary.data().callId()); }

        @WebhookListener                                  // the VerifiedDelivery when you ask for it
        void onCallEnded(RevRagEvent.CallEnded ended, VerifiedDelivery<RevRagEvent> delivery) {
            log.info("secret {} key {}", delivery.authentication().credentialId(), delivery.deliveryKey());
        }

        @WebhookListener                                  // event types this version does not know
        void onNewEvent(RevontEvent.Unknown unknown) { log.info("new event {}", unknown.event()); }

        @WebhookListener                                  // the pre-call's answer is the response
        PreCallAnswer onPreCall(RevRingEvent.PreCall preCall) {
            return PreCallAnswer.builder().variable("vip", crm.isVip(preCall.request().fromNumber())).build();
        }
    }
    // README listeners: to here

    /** The root README's one-listener example, a method of the app's listener class. */
    class RootListener {
        // README root listener: from here
        @WebhookListener
        void onSummary(RevontEvent.SummaryReady summary) { crm.attach(summary.data().callId()); }
        // README root listener: to here
    }

    private final RestTemplate restTemplate = new RestTemplate();
    private final int port = 8080;
    private final MockMvc mockMvc = null;                 // the app's, from @AutoConfigureMockMvc
    private final byte[] other = "{}".getBytes(StandardCharsets.UTF_8);
    private final Secret secret = Secret.of("current", "revrag_test");
    private final Secret apiKey = Secret.of("current", "revring_test");
    private final String token = "7f3c9e1a5b2d4c6e8f0a";

    SignedDelivery testing() throws Exception {
        // README testing: from here
        SignedDelivery summary = RevontTestDeliveries.summaryReady("/hooks/revont", Secret.of("whsec_test"));
        restTemplate.exchange(summary.toRequestEntity(URI.create("http://localhost:" + port)), String.class);  // 204
        mockMvc.perform(post(summary.path()).headers(summary.headers()).content(summary.body()));  // with the filter added
        SignedDelivery forged = summary.withBody(other);                   // forged: the same headers, another body
        RevRagTestDeliveries.callEnded("/hooks/revrag", secret, Instant.now().minus(Duration.ofMinutes(10)));  // stale
        RevRingTestDeliveries.preCall("/hooks/revring", apiKey);
        RevDeskTestDeliveries.callVoicemail("/hooks/revdesk/voicemail/" + token);   // unsigned, as RevDesk sends it
        // README testing: to here
        return forged;
    }

    private WebApplicationContextRunner appWithTheReadmeListeners() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RevhooksAutoConfiguration.class))
                .withPropertyValues("revhooks.revont.path=/hooks/revont", "revhooks.revont.secret=whsec_test",
                        "revhooks.revrag.path=/hooks/revrag", "revhooks.revrag.secrets[0].id=current",
                        "revhooks.revrag.secrets[0].value=revrag_test")
                .withBean(CallListener.class, CallListener::new)
                .withBean(RootListener.class, RootListener::new);
    }

    @Test
    void theStarterAcceptsTheReadmeListenersForTheConfiguredVendors() {
        appWithTheReadmeListeners()
                .withPropertyValues("revhooks.revring.path=/hooks/revring", "revhooks.revring.api-key=revring_test")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theStarterChecksTheReadmeListenersAtStartup() {
        appWithTheReadmeListeners().run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("onPreCall"));
    }

    @Test
    void theReadmesQuoteTheCompiledExamples() {
        // From this module or spring-boot-3-compat, which compiles and runs these tests on Spring Boot 3.5.
        Path module = Path.of("../spring-boot-autoconfigure");
        Path source = module.resolve("src/test/java/dev/revhooks/spring/boot/autoconfigure/ReadmeExampleTest.java");
        ReadmeSnippets.assertQuoted(module.resolve("README.md"), source, "listeners", "testing");
        ReadmeSnippets.assertQuoted(Path.of("../README.md"), source, "root listener");
    }
}
