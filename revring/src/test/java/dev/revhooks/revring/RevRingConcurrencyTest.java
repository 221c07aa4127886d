package dev.revhooks.revring;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.DOCUMENT_EXAMPLE;
import static dev.revhooks.revring.Fixtures.FAILED;
import static dev.revhooks.revring.Fixtures.PRE_CALL;
import static dev.revhooks.revring.Fixtures.PRE_CALL_DIALED_AGENT;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.ConcurrencyHarness;
import dev.revhooks.core.testing.Verdict;
import java.util.ArrayList;
import java.util.List;
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
        ConcurrencyHarness<WebhookRequest> harness = ConcurrencyHarness.of(requests(),
                request -> Verdict.of(request, () -> receiver.receive(request), RevRingConcurrencyTest::stableKey));
        assertThat(harness.expected()).extracting(Verdict::outcome)
                .anyMatch(o -> o.startsWith("accepted SHARED_KEY current revring:post_call:"))
                .anyMatch(o -> o.startsWith("accepted SHARED_KEY previous revring:pre_call:"))
                .anyMatch(o -> o.startsWith("payload error"))
                .anyMatch(o -> o.equals("rejected SIGNATURE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected MISSING_SIGNATURE"));
        harness.assertThreadsAgree(THREADS, DELIVERIES_PER_THREAD);
    }

    /** A pre-call key is a fresh UUID per delivery, so only its prefix can match. */
    private static String stableKey(String key) {
        return key.startsWith("revring:pre_call:") ? "revring:pre_call:" : key;
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
}
