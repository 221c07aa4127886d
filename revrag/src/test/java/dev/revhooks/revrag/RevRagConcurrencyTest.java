package dev.revhooks.revrag;

import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.utf8;
import static dev.revhooks.revrag.Fixtures.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.ConcurrencyHarness;
import dev.revhooks.core.testing.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One receiver shared by 8 threads, each running 50,000 deliveries drawn from a precomputed mix of
 * valid and forged requests: every verdict (the event, the authentication and the delivery key; the
 * failure reason and message; the payload error's message) must equal the one computed on a single
 * thread first, and nothing but the library's two exceptions may escape. Tagged {@code heavy}.
 */
@Tag("heavy")
class RevRagConcurrencyTest {

    private static final int THREADS = 8;
    private static final int DELIVERIES_PER_THREAD = 50_000;

    private static final Secret CURRENT = Secret.of("current", "revrag-concurrency-current-5e1f");
    private static final Secret PREVIOUS = Secret.of("previous", "revrag-concurrency-previous-8a3c");
    private static final String SIGNATURE = "X-Webhook-Signature";

    /** Both secrets (rotation), the default window and a small body limit, so that every step can decide. */
    private final RevRagWebhooks receiver = RevRagWebhooks.builder().secrets(List.of(CURRENT, PREVIOUS)).clock(CLOCK)
            .bodyLimit(BodyLimit.ofBytes(4096)).build();

    @Test
    void eightThreadsSharingOneReceiverReachTheSingleThreadedVerdicts() throws Exception {
        ConcurrencyHarness<WebhookRequest> harness = ConcurrencyHarness.of(receiver, requests());
        assertThat(harness.expected()).extracting(Verdict::outcome)
                .anyMatch(o -> o.startsWith("accepted HMAC_SIGNATURE current"))
                .anyMatch(o -> o.startsWith("accepted HMAC_SIGNATURE previous"))
                .anyMatch(o -> o.startsWith("payload error"))
                .anyMatch(o -> o.equals("rejected SIGNATURE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected TIMESTAMP_OUT_OF_TOLERANCE"));
        harness.assertThreadsAgree(THREADS, DELIVERIES_PER_THREAD);
    }

    /** Valid and forged deliveries of every kind, each decided at a different step. */
    private static List<WebhookRequest> requests() {
        String required = "\"call_status\":\"ENDED\",\"call_id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"agent_id\":\"33333333-3333-3333-3333-333333333333\"";
        List<byte[]> bodies = List.of(
                exampleBody(),
                utf8("{" + required + "}"),
                utf8("{" + required + ",\"duration\":72.50,\"custom_variables\":[{\"key\":\"k\",\"type\":\"number\",\"value\":3}]}"),
                utf8("{" + required + ",\"transcription\":{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}"),
                utf8("{\"call_status\":\"ENDED\"}"),
                utf8("{" + required + ",\"duration\":\"72\"}"),
                utf8("{" + required + ",\"call_id\":\"x\"}"),
                utf8("[]"),
                utf8("not json"),
                new byte[4097]);
        RevRagSigner current = RevRagSigner.of(CURRENT);
        RevRagSigner previous = RevRagSigner.of(PREVIOUS);
        RevRagSigner both = RevRagSigner.of(List.of(Secret.of("whsec_someone-else"), CURRENT));
        List<WebhookRequest> requests = new ArrayList<>();
        for (byte[] body : bodies) {
            WebhookRequest signed = current.sign(body, NOW);
            String header = signed.headers().first(SIGNATURE);
            requests.add(signed);
            requests.add(current.sign(body, NOW.minusSeconds(300), "call.started", "evt_1"));
            requests.add(current.sign(body, NOW.plusSeconds(301)));
            requests.add(previous.sign(body, NOW.minusSeconds(10), null, null));
            requests.add(both.sign(body, NOW));
            requests.add(RevRagSigner.of(Secret.of("whsec_someone-else")).sign(body, NOW));
            requests.add(withHeader(signed, SIGNATURE, header.toUpperCase(Locale.ROOT).replace("T=", "t=").replace("V1=", "v1=")));
            requests.add(withHeader(signed, "X-Webhook-Timestamp", Long.toString(NOW.getEpochSecond() + 1)));
            requests.add(withHeader(signed, SIGNATURE, header, header));
            requests.add(withHeader(signed, SIGNATURE, header.replace("t=", "ts=")));
            requests.add(withHeader(current.sign(body, Instant.EPOCH), SIGNATURE, header));
            if (body.length > 0) {
                requests.add(withHeader(current.sign(flipBit(body, body.length / 2 * 8), NOW), SIGNATURE, header));
            }
        }
        return requests;
    }
}
