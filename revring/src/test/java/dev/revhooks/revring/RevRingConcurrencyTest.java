package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.DOCUMENT_EXAMPLE;
import static dev.revhooks.revring.Fixtures.FAILED;
import static dev.revhooks.revring.Fixtures.PRE_CALL;
import static dev.revhooks.revring.Fixtures.PRE_CALL_DIALED_AGENT;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * correctly keyed and forged requests: every verdict (the event, the authentication and the
 * delivery key, whose pre-call part is unique by design; the failure reason and message; the
 * payload error's message) must equal the one computed on a single thread first, and nothing but
 * the library's two exceptions may escape. Tagged {@code heavy}.
 */
@Tag("heavy")
class RevRingConcurrencyTest {

    private static final int THREADS = 8;
    private static final int DELIVERIES_PER_THREAD = 50_000;

    private static final String CURRENT = "rr_concurrency_current_7d2e";
    private static final String PREVIOUS = "rr_concurrency_previous_1b9f";
    private static final String HEADER = "x-api-key";

    /** Both keys (rotation) and a small body limit, so that every step can decide. */
    private final RevRingWebhooks receiver = RevRingWebhooks.builder().apiKey(Secret.of("current", CURRENT))
            .apiKey(Secret.of("previous", PREVIOUS)).bodyLimit(BodyLimit.ofBytes(4096)).build();

    @Test
    void eightThreadsSharingOneReceiverReachTheSingleThreadedVerdicts() throws Exception {
        List<WebhookRequest> requests = requests();
        List<Verdict> expected = new ArrayList<>();
        for (WebhookRequest request : requests) {
            expected.add(verdict(request));
        }
        assertThat(expected).extracting(Verdict::outcome)
                .anyMatch(o -> o.startsWith("accepted SHARED_KEY current revring:post_call:"))
                .anyMatch(o -> o.startsWith("accepted SHARED_KEY previous revring:pre_call:"))
                .anyMatch(o -> o.startsWith("payload error"))
                .anyMatch(o -> o.equals("rejected SIGNATURE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected MISSING_SIGNATURE"));

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
                    int k = (i * 31 + thread * 7) % requests.size();
                    Verdict verdict = verdict(requests.get(k));
                    if (!verdict.equals(expected.get(k))) {
                        count++;
                        firstMismatch.compareAndSet(null, "request " + k + ": " + verdict + " instead of " + expected.get(k));
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

    private Verdict verdict(WebhookRequest request) {
        try {
            VerifiedDelivery<RevRingEvent> delivery = receiver.receive(request);
            assertThat(delivery.rawBody()).isSameAs(request.body());
            String key = delivery.deliveryKey().value();
            // A pre-call key is a fresh UUID per delivery, so only its prefix can match.
            String stableKey = key.startsWith("revring:pre_call:") ? "revring:pre_call:" : key;
            return new Verdict("accepted " + delivery.authentication().method() + " " + delivery.authentication().credentialId()
                    + " " + stableKey, delivery.event());
        } catch (WebhookVerificationException e) {
            return new Verdict("rejected " + e.reason(), e.getMessage());
        } catch (WebhookPayloadException e) {
            return new Verdict("payload error", e.getMessage());
        }
    }

    /** Correctly keyed and forged deliveries of every kind, each decided at a different step. */
    private static List<WebhookRequest> requests() {
        List<byte[]> bodies = List.of(
                resource(DOCUMENT_EXAMPLE), resource(COMPLETED), resource(FAILED), resource(PRE_CALL), resource(PRE_CALL_DIALED_AGENT),
                utf8("{\"event\":\"call_transferred\",\"to\":\"+14155550100\"}"),
                utf8("{\"event\":42}"),
                utf8("{\"event\":\"pre_call\",\"fromNumber\":\"+14155550123\"}"),
                utf8("{\"id\":\"not-a-uuid\"}"),
                utf8("[]"),
                utf8("not json"),
                new byte[4097]);
        List<WebhookRequest> requests = new ArrayList<>();
        for (byte[] body : bodies) {
            requests.add(withKey(body, CURRENT));
            requests.add(withKey(body, PREVIOUS));
            requests.add(withKey(body, " \t" + CURRENT + " "));
            requests.add(withKey(body, CURRENT.substring(1)));
            requests.add(withKey(body, CURRENT + "x"));
            requests.add(withKey(body, ""));
            requests.add(WebhookRequest.builder(body).header(HEADER, CURRENT).header("X-API-KEY", CURRENT).build());
            requests.add(WebhookRequest.builder(body).header("Content-Type", "application/json").build());
        }
        return requests;
    }

    private static WebhookRequest withKey(byte[] body, String key) {
        return WebhookRequest.builder(body).header(HEADER, key).build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
