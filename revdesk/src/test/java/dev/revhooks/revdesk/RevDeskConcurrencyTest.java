package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.OUTBOUND_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.guard.PathTokenGuard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One receiver shared by 8 threads, each running 50,000 deliveries drawn from a precomputed mix of
 * signed, unsigned and forged requests for several subscribed types: every verdict (the event, the
 * authentication and the delivery key; the failure reason and message; the payload error's
 * message) must equal the one computed on a single thread first, and nothing but the library's two
 * exceptions may escape. Tagged {@code heavy}.
 */
@Tag("heavy")
class RevDeskConcurrencyTest {

    private static final int THREADS = 8;
    private static final int DELIVERIES_PER_THREAD = 50_000;

    private static final Secret CURRENT = Secret.of("current", "whsec_revdesk-concurrency-6f0a");
    private static final Secret PREVIOUS = Secret.of("previous", "whsec_revdesk-concurrency-old-3d7b");
    private static final String TOKEN = "rd-concurrency-token-94e1";
    private static final String HEADER = RevDeskWebhooks.SIGNATURE_HEADER;

    /** Both secrets, unsigned events behind a path token, and a small body limit, so that every step can decide. */
    private final RevDeskWebhooks receiver = RevDeskWebhooks.builder().secrets(List.of(CURRENT, PREVIOUS))
            .acceptUnauthenticatedUnsignedEvents().requestGuard(PathTokenGuard.lastPathSegment(Secret.of(TOKEN)))
            .bodyLimit(BodyLimit.ofBytes(4096)).build();

    /** A request to the URL subscribed to {@code type}. */
    private record Delivery(RevDeskEventType type, WebhookRequest request) {
    }

    @Test
    void eightThreadsSharingOneReceiverReachTheSingleThreadedVerdicts() throws Exception {
        List<Delivery> deliveries = deliveries();
        List<Verdict> expected = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            expected.add(verdict(delivery));
        }
        assertThat(expected).extracting(Verdict::outcome)
                .anyMatch(o -> o.startsWith("accepted HMAC_SIGNATURE current revdesk:number_purchased:"))
                .anyMatch(o -> o.startsWith("accepted HMAC_SIGNATURE previous"))
                .anyMatch(o -> o.startsWith("accepted REQUEST_GUARDS null revdesk:call_voicemail:"))
                .anyMatch(o -> o.startsWith("payload error"))
                .anyMatch(o -> o.equals("rejected SIGNATURE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected EVENT_TYPE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected REQUEST_GUARD_FAILED"));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        AtomicReference<String> firstMismatch = new AtomicReference<>();
        List<Future<Integer>> mismatches = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            mismatches.add(pool.submit(() -> {
                start.await();
                int count = 0;
                for (int i = 0; i < DELIVERIES_PER_THREAD; i++) {
                    int k = (i * 31 + thread * 7) % deliveries.size();
                    Verdict verdict = verdict(deliveries.get(k));
                    if (!verdict.equals(expected.get(k))) {
                        count++;
                        firstMismatch.compareAndSet(null, "delivery " + k + ": " + verdict + " instead of " + expected.get(k));
                    }
                }
                return count;
            }));
        }
        pool.shutdown();
        int total = 0;
        for (Future<Integer> future : mismatches) {
            total += future.get(5, TimeUnit.MINUTES);
        }
        assertThat(total).as("verdicts differing from the single-threaded ones; first: %s", firstMismatch.get()).isZero();
    }

    /** What receiving a request comes to, comparable across threads. */
    private record Verdict(String outcome, Object detail) {
    }

    private Verdict verdict(Delivery delivery) {
        try {
            VerifiedDelivery<RevDeskEvent> received = receiver.receive(delivery.type(), delivery.request());
            assertThat(received.rawBody()).isSameAs(delivery.request().body());
            return new Verdict("accepted " + received.authentication().method() + " " + received.authentication().credentialId()
                    + " " + received.deliveryKey(), received.event());
        } catch (WebhookVerificationException e) {
            return new Verdict("rejected " + e.reason(), e.getMessage());
        } catch (WebhookPayloadException e) {
            return new Verdict("payload error", e.getMessage());
        }
    }

    /** Signed, unsigned and forged deliveries of every kind, each decided at a different step. */
    private static List<Delivery> deliveries() {
        List<Object[]> cases = List.of(
                new Object[] {RevDeskEventType.NUMBER_PURCHASED, NUMBER_LIFECYCLE},
                new Object[] {RevDeskEventType.NUMBER_RELEASED, NUMBER_LIFECYCLE},
                new Object[] {RevDeskEventType.CALL_VOICEMAIL, CALL_DISPOSITION},
                new Object[] {RevDeskEventType.SMS_DELIVERED, OUTBOUND_SMS},
                new Object[] {RevDeskEventType.NEW_CALL, utf8("{\"id\":\"call_1\",\"anything\":[1,2,{\"x\":null}]}")},
                new Object[] {RevDeskEventType.TEXTING_REGISTRATION_STATUS_CHANGED, utf8("{\"texting_enabled_numbers\":[\"+1555\",null]}")},
                new Object[] {RevDeskEventType.CALL_BUSY, utf8("{\"duration_seconds\":\"12\"}")},
                new Object[] {RevDeskEventType.NUMBER_PURCHASED, utf8("{\"triggerEvent\":\"number.ported\",\"payload\":{}}")},
                new Object[] {RevDeskEventType.SMS_FAILED, utf8("not json")},
                new Object[] {RevDeskEventType.CALL_FAILED, new byte[4097]});
        List<Delivery> deliveries = new ArrayList<>();
        String path = "/hooks/revdesk/" + TOKEN;
        for (Object[] c : cases) {
            RevDeskEventType type = (RevDeskEventType) c[0];
            byte[] body = (byte[]) c[1];
            String signature = RevDeskSigner.of(CURRENT).signature(body);
            deliveries.add(new Delivery(type, RevDeskSigner.of(CURRENT).request(body).toBuilder().path(path).build()));
            deliveries.add(new Delivery(type, RevDeskSigner.of(PREVIOUS).request(body).toBuilder().path(path).build()));
            deliveries.add(new Delivery(type, signed(body, signature.toUpperCase(Locale.ROOT), path)));
            deliveries.add(new Delivery(type, RevDeskSigner.of(CURRENT).request(body).toBuilder().path("/hooks/revdesk/wrong").build()));
            deliveries.add(new Delivery(type, RevDeskSigner.of(Secret.of("whsec_someone-else")).request(body).toBuilder().path(path).build()));
            deliveries.add(new Delivery(type, signed(body, "sha256=" + signature, path)));
            deliveries.add(new Delivery(type, signed(body, RevDeskWebhooks.NO_SECRET_PROVIDED, path)));
            deliveries.add(new Delivery(type, RevDeskSigner.unsignedRequest(body).toBuilder().path(path).build()));
            deliveries.add(new Delivery(type, RevDeskSigner.unsignedRequest(body).toBuilder().path(path + "x").build()));
            deliveries.add(new Delivery(type, WebhookRequest.builder(body).path(path).header(HEADER, signature).header(HEADER, signature).build()));
        }
        return deliveries;
    }

    private static WebhookRequest signed(byte[] body, String signature, String path) {
        return WebhookRequest.builder(body).path(path).header(HEADER, signature).build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
