package dev.revhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.observe.AdapterOutcome;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.revdesk.RevDeskSigner;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revrag.RevRagSigner;
import dev.revhooks.revring.RevRingSigner;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A flood of deliveries whose event types, signatures and keys are all distinct (signed unknown
 * event types, forged and malformed signature headers, guessed keys) adds no meter after the first
 * of each kind: tag values come from the library's enums and the configured vendors, never from a
 * request.
 */
class BoundedMetersTest {

    private static final int FLOOD = 1_000;

    @Test
    void aFloodOfDistinctUnknownEventTypesAndForgedHeadersLeavesTheMeterCountBounded() {
        MeterRegistry registry = new SimpleMeterRegistry();
        MicrometerWebhookObserver observer = MicrometerWebhookObserver.of(registry);
        Random random = new Random(25);

        flood(observer, random, 1);
        List<Meter> afterOneOfEach = registry.getMeters();
        flood(observer, random, FLOOD);

        assertThat(registry.getMeters()).hasSameSizeAs(afterOneOfEach);
        // 4 vendors x 4 timers, and the counters below: nothing from the flood's random values
        assertThat(registry.getMeters()).hasSize(16 + 11);
        Map<String, Set<String>> outcomesByVendor = new HashMap<>();
        Deliveries.counts(registry).forEach((tags, count) -> {
            assertThat(count).as(tags.toString()).isEqualTo(FLOOD + 1.0);
            outcomesByVendor.computeIfAbsent(tags.get("vendor"), v -> new java.util.TreeSet<>())
                    .add(tags.get("outcome") + "/" + tags.get("reason") + "/" + tags.get("event"));
        });
        assertThat(outcomesByVendor).containsOnly(
                Map.entry("revont", Set.of("accepted/none/unknown", "rejected/signature_mismatch/unknown",
                        "rejected/malformed_signature/unknown", "duplicate/none/unknown")),
                Map.entry("revrag", Set.of("accepted/none/unknown", "rejected/signature_mismatch/unknown",
                        "rejected/malformed_signature/unknown")),
                Map.entry("revring", Set.of("rejected/signature_mismatch/unknown", "accepted/none/unknown")),
                Map.entry("revdesk", Set.of("accepted/none/unknown", "rejected/signature_mismatch/unknown")));
        assertThat(Deliveries.counts(registry).keySet().stream().map(tags -> tags.get("event")).collect(Collectors.toSet()))
                .containsOnly("unknown");
    }

    /** {@code rounds} deliveries of each hostile kind, each with fresh random values. */
    private static void flood(WebhookObserver observer, Random random, int rounds) {
        ObservedReceiver<?> revont = Vendors.REVONT_VENDOR.observed(observer);
        ObservedReceiver<?> revrag = Vendors.REVRAG_VENDOR.observed(observer);
        ObservedReceiver<?> revring = Vendors.REVRING_VENDOR.observed(observer);
        ObservedReceiver<?> revdesk = Vendors.REVDESK_VENDOR.observed(observer);
        for (int i = 0; i < rounds; i++) {
            String made = "evt." + Long.toHexString(random.nextLong());
            // signed, authentic deliveries of event types no document lists
            Vendors.Vendor.receiveQuietly(revont::receive, RevontSigner.of(Vendors.REVONT).sign(Vendors.revontBody(made)));
            Vendors.Vendor.receiveQuietly(revrag::receive,
                    RevRagSigner.of(Vendors.REVRAG).sign(Vendors.utf8("{}"), Vendors.NOW, made, "wh_" + i));
            Vendors.Vendor.receiveQuietly(revring::receive,
                    RevRingSigner.of(Vendors.REVRING).request(Vendors.utf8("{\"event\":\"" + made + "\"}")));
            Vendors.Vendor.receiveQuietly(revdesk::receive, RevDeskSigner.of(Vendors.REVDESK).request(Vendors.revdeskBody(made)));
            // forged: a random well-formed signature, a random malformed header, a guessed key
            Secret guess = Secret.of("guess", "whsec_" + Long.toHexString(random.nextLong()));
            Vendors.Vendor.receiveQuietly(revont::receive, RevontSigner.of(guess).sign(Vendors.revontBody(made)));
            Vendors.Vendor.receiveQuietly(revont::receive, WebhookRequest.of(Vendors.revontBody(made),
                    Map.of(dev.revhooks.revont.RevontWebhooks.SIGNATURE_HEADER, "sha999=" + made)));
            Vendors.Vendor.receiveQuietly(revrag::receive, RevRagSigner.of(guess).sign(Vendors.revragBody(), Vendors.NOW, made, made));
            Vendors.Vendor.receiveQuietly(revrag::receive, WebhookRequest.of(Vendors.revragBody(),
                    Map.of(dev.revhooks.revrag.RevRagWebhooks.SIGNATURE_HEADER, made, "X-Webhook-Event", made)));
            Vendors.Vendor.receiveQuietly(revring::receive, RevRingSigner.of(guess).request(Vendors.revringBody()));
            Vendors.Vendor.receiveQuietly(revdesk::receive, RevDeskSigner.of(guess).request(Vendors.revdeskBody(made)));
            observer.answered("revont", null, AdapterOutcome.DUPLICATE);
        }
    }
}
