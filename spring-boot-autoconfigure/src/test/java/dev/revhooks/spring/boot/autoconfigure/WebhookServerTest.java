package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.revdesk.RevDeskEvent;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revrag.RevRagEvent;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.servlet.UnparseableDelivery;
import dev.revhooks.servlet.UnparseableDeliveryHandler;
import dev.revhooks.spring.boot.autoconfigure.testing.RevDeskTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevRagTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevRingTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.RevontTestDeliveries;
import dev.revhooks.spring.boot.autoconfigure.testing.SignedDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import dev.revhooks.micrometer.MeteredReplayGuard;
import dev.revhooks.micrometer.MicrometerWebhookObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The whole starter in a real embedded server, with Spring Security on the classpath at its
 * defaults (every other path needs authentication): signed deliveries from each vendor's signer
 * reach typed listeners, and every rejection gets the servlet module's status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = WebhookServerTest.App.class,
        properties = {
                "revhooks.body-limit=64KB",
                "revhooks.header-limit=512B",
                "revhooks.replay-guard.type=memory",
                "revhooks.revont.path=/hooks/revont",
                "revhooks.revont.secrets[0].id=current",
                "revhooks.revont.secrets[0].value=whsec_test_current",
                "revhooks.revont.secrets[1].id=previous",
                "revhooks.revont.secrets[1].value=whsec_test_previous",
                "revhooks.revrag.path=/hooks/revrag",
                "revhooks.revrag.secret=revrag-test-secret",
                "revhooks.revrag.tolerance=2m",
                "revhooks.revring.path=/hooks/revring",
                "revhooks.revring.api-key=revring-test-key",
                "revhooks.revdesk.secret=revdesk-test-secret",
                "revhooks.revdesk.endpoints[0].event-type=number_purchased",
                "revhooks.revdesk.endpoints[0].path=/hooks/revdesk/numbers",
                "revhooks.revdesk.endpoints[1].event-type=CALL_VOICEMAIL",
                "revhooks.revdesk.endpoints[1].path=/hooks/revdesk/voicemail",
                "revhooks.revdesk.endpoints[1].accept-unauthenticated-unsigned-events=true",
                "revhooks.revdesk.endpoints[1].path-token=tok_0123456789abcdef",
                "revhooks.revdesk.endpoints[1].allowed-sources[0]=127.0.0.1/32",
                "revhooks.revdesk.endpoints[1].allowed-sources[1]=::1"
        })
class WebhookServerTest {

    static final Secret REVONT = Secret.of("whsec_test_current");
    static final Secret REVONT_PREVIOUS = Secret.of("whsec_test_previous");
    static final Secret REVRAG = Secret.of("revrag-test-secret");
    static final Secret REVRING = Secret.of("revring-test-key");
    static final Secret REVDESK = Secret.of("revdesk-test-secret");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Listeners listeners;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DeadLetters deadLetters;

    @BeforeEach
    void clear() {
        listeners.events.clear();
        listeners.deliveries.clear();
        listeners.failNext.set(false);
    }

    @Test
    void signedRevontDeliveryReachesItsTypedListenerWithTheVerifiedDelivery() throws Exception {
        HttpResponse<String> response = send(RevontTestDeliveries.summaryReady("/hooks/revont", REVONT));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(listeners.events).singleElement().isInstanceOfSatisfying(RevontEvent.SummaryReady.class,
                ready -> assertThat(ready.data().callId()).isEqualTo("call_abc123"));
        assertThat(listeners.deliveries).singleElement()
                .satisfies(d -> assertThat(d.authentication().credentialId()).isEqualTo("current"));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void deliveriesAndListenerFailuresAreCountedOnTheAppsMeterRegistry() throws Exception {
        listeners.failNext.set(true);
        send(RevontTestDeliveries.signed("/hooks/revont", REVONT, revontSummary("call_counted")));

        assertThat(meters.find(MicrometerWebhookObserver.DELIVERIES).tag("vendor", "revont").counters())
                .extracting(counter -> counter.getId().getTag("outcome")).contains("accepted", "handler_failed");
        assertThat(meters.find(MeteredReplayGuard.CLAIM).tags("store", "memory", "result", "new").timer())
                .as("the filter's replay guard is timed").isNotNull()
                .satisfies(claims -> assertThat(claims.count()).isPositive());
    }

    @Test
    void rotatedSecretIsNamedByItsId() throws Exception {
        HttpResponse<String> response = send(RevontTestDeliveries.signed("/hooks/revont", REVONT_PREVIOUS,
                revontSummary("call_rotated")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(listeners.deliveries).singleElement()
                .satisfies(d -> assertThat(d.authentication().credentialId()).isEqualTo("previous"));
    }

    @Test
    void unknownEventTypeReachesTheUnknownListener() throws Exception {
        byte[] body = "{\"event\":\"call.transferred\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(RevontTestDeliveries.signed("/hooks/revont", REVONT, body));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(listeners.events).singleElement().isInstanceOfSatisfying(RevontEvent.Unknown.class,
                unknown -> assertThat(unknown.event()).isEqualTo("call.transferred"));
    }

    @Test
    void anAuthenticBodyThatDoesNotParseGoesToTheAppsHandlerWith202() throws Exception {
        byte[] body = RevontTestDeliveries.SUMMARY_READY.replace("2024-09-15T14:32:00Z", "yesterday")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(RevontTestDeliveries.signed("/hooks/revont", REVONT, body));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(deadLetters.kept).anySatisfy(kept -> {
            assertThat(kept.rawBody()).isEqualTo(body);
            assertThat(kept.authentication().credentialId()).isEqualTo("current");
        });
        assertThat(listeners.events).isEmpty();
    }

    @Test
    void forgedDeliveryIs401AndReachesNoListener() throws Exception {
        SignedDelivery forged = RevontTestDeliveries.summaryReady("/hooks/revont", REVONT)
                .withBody(revontSummary("call_forged"));

        HttpResponse<String> response = send(forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("SIGNATURE_MISMATCH");
        assertThat(listeners.events).isEmpty();
    }

    @Test
    void freshRevRagDeliveryIsAcceptedAndAStaleOneIs401() throws Exception {
        HttpResponse<String> fresh = send(RevRagTestDeliveries.callEnded("/hooks/revrag", REVRAG, Instant.now()));
        HttpResponse<String> stale = send(RevRagTestDeliveries.signed("/hooks/revrag", REVRAG,
                RevRagTestDeliveries.CALL_ENDED.replace("user_12345", "user_stale").getBytes(StandardCharsets.UTF_8),
                Instant.now().minus(Duration.ofMinutes(3))));

        assertThat(fresh.statusCode()).isEqualTo(204);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).startsWith("TIMESTAMP_OUT_OF_TOLERANCE");
        assertThat(listeners.events).singleElement().isInstanceOf(RevRagEvent.CallEnded.class);
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        byte[] body = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = send(RevontTestDeliveries.signed("/hooks/revont", REVONT, body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(listeners.events).isEmpty();
    }

    @Test
    void overlongSignatureHeaderIs431() throws Exception {
        SignedDelivery delivery = RevontTestDeliveries.summaryReady("/hooks/revont", REVONT);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(delivery.path()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .header("X-Revont-Signature", "sha256=" + "0".repeat(600));

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).startsWith("HEADER_TOO_LARGE");
    }

    @Test
    void wrongMethodWrongVendorAndUnservedPathsGetTheirStatuses() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(uri("/hooks/revont")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> revontToRevRag = send(RevontTestDeliveries.summaryReady("/hooks/revont", REVONT)
                .withPath("/hooks/revrag"));
        HttpResponse<String> unserved = send(RevontTestDeliveries.summaryReady("/hooks/revont", REVONT)
                .withPath("/hooks/revont/extra"));

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(revontToRevRag.statusCode()).isEqualTo(401);
        assertThat(revontToRevRag.body()).startsWith("MISSING_SIGNATURE");
        // Not a webhook path: Spring Security, untouched, asks for authentication.
        assertThat(unserved.statusCode()).isEqualTo(401);
        assertThat(unserved.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(listeners.events).isEmpty();
    }

    @Test
    void everythingElseStaysAsSecurityConfiguredIt() throws Exception {
        HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(uri("/private")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(other.statusCode()).isEqualTo(401);
    }

    @Test
    void revRingPreCallIsAnsweredWithTheListenersJsonAndPostCallWith204() throws Exception {
        HttpResponse<String> preCall = send(RevRingTestDeliveries.preCall("/hooks/revring", REVRING));
        HttpResponse<String> postCall = send(RevRingTestDeliveries.postCall("/hooks/revring", REVRING));
        HttpResponse<String> wrongKey = send(RevRingTestDeliveries.postCall("/hooks/revring", Secret.of("not-the-key")));

        assertThat(preCall.statusCode()).isEqualTo(200);
        assertThat(preCall.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(preCall.body()).isEqualTo(new String(
                PreCallAnswer.builder().variable("vip", true).build().toJson(), StandardCharsets.UTF_8));
        assertThat(postCall.statusCode()).isEqualTo(204);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(listeners.events).hasSize(2).hasAtLeastOneElementOfType(RevRingEvent.PostCall.class);
    }

    @Test
    void revDeskSignedAndGuardedUnsignedEndpoints() throws Exception {
        HttpResponse<String> purchased = send(RevDeskTestDeliveries.numberPurchased("/hooks/revdesk/numbers", REVDESK));
        HttpResponse<String> voicemail = send(RevDeskTestDeliveries.callVoicemail("/hooks/revdesk/voicemail/tok_0123456789abcdef"));
        HttpResponse<String> wrongToken = send(RevDeskTestDeliveries.callVoicemail("/hooks/revdesk/voicemail/tok_guess"));
        HttpResponse<String> unsignedOnSignedPath = send(RevDeskTestDeliveries.unsigned("/hooks/revdesk/numbers",
                RevDeskTestDeliveries.NUMBER_PURCHASED.getBytes(StandardCharsets.UTF_8)));

        assertThat(purchased.statusCode()).isEqualTo(204);
        assertThat(voicemail.statusCode()).isEqualTo(204);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.body()).startsWith("REQUEST_GUARD_FAILED").doesNotContain("tok_0123456789abcdef");
        assertThat(unsignedOnSignedPath.statusCode()).isEqualTo(401);
        assertThat(listeners.events).hasSize(2)
                .hasAtLeastOneElementOfType(RevDeskEvent.NumberPurchased.class)
                .hasAtLeastOneElementOfType(RevDeskEvent.CallVoicemail.class);
        assertThat(listeners.deliveries).extracting(d -> d.authentication().provenBySecret()).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aThrowingListenerGets500AndTheDeliveryIsReleasedForTheRetry() throws Exception {
        SignedDelivery delivery = RevontTestDeliveries.signed("/hooks/revont", REVONT, revontSummary("call_retried"));
        listeners.failNext.set(true);

        HttpResponse<String> failed = send(delivery);
        HttpResponse<String> retried = send(delivery);
        HttpResponse<String> duplicate = send(delivery);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("listener down");
        assertThat(retried.statusCode()).isEqualTo(204);
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(listeners.events).hasSize(1);
    }

    private static byte[] revontSummary(String callId) {
        return RevontTestDeliveries.SUMMARY_READY.replace("call_abc123", callId).getBytes(StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(SignedDelivery delivery) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(delivery.path()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        DeadLetters deadLetters() {
            return new DeadLetters();
        }
    }

    /** The app's UnparseableDeliveryHandler bean: keeps what it is handed. */
    static class DeadLetters implements UnparseableDeliveryHandler {
        final List<UnparseableDelivery> kept = new CopyOnWriteArrayList<>();

        @Override
        public void handle(UnparseableDelivery delivery) {
            kept.add(delivery);
        }
    }

    /** One listener bean for all four vendors. */
    static class Listeners {
        final List<Object> events = new CopyOnWriteArrayList<>();
        final List<VerifiedDelivery<?>> deliveries = new CopyOnWriteArrayList<>();
        final AtomicBoolean failNext = new AtomicBoolean();

        @WebhookListener
        void summary(RevontEvent.SummaryReady summary, VerifiedDelivery<RevontEvent> delivery) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("listener down");
            }
            events.add(summary);
            deliveries.add(delivery);
        }

        @WebhookListener
        void unknownRevont(RevontEvent.Unknown unknown) {
            events.add(unknown);
        }

        @WebhookListener
        void callEnded(RevRagEvent.CallEnded ended) {
            events.add(ended);
        }

        @WebhookListener
        PreCallAnswer preCall(RevRingEvent.PreCall preCall) {
            events.add(preCall);
            return PreCallAnswer.builder().variable("vip", true).build();
        }

        @WebhookListener
        void postCall(RevRingEvent.PostCall postCall) {
            events.add(postCall);
        }

        @WebhookListener
        void revdesk(VerifiedDelivery<RevDeskEvent> delivery, RevDeskEvent event) {
            events.add(event);
            deliveries.add(delivery);
        }
    }
}
