package dev.revhooks.revont;

import static dev.revhooks.core.testing.ByteGen.flipBit;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.envelope;
import static dev.revhooks.revont.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.TimestampTolerance;
import dev.revhooks.core.testing.ConcurrencyHarness;
import dev.revhooks.core.testing.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
class RevontConcurrencyTest {

    private static final int THREADS = 8;
    private static final int DELIVERIES_PER_THREAD = 50_000;

    private static final Secret CURRENT = Secret.of("current", "whsec_concurrency-current-4c1e");
    private static final Secret PREVIOUS = Secret.of("previous", "whsec_concurrency-previous-9b2d");
    private static final RevontSigner SIGNER = RevontSigner.of(CURRENT);
    private static final String HEADER = RevontWebhooks.SIGNATURE_HEADER;

    /** Both secrets, a maximum event age and a small body limit, so that every step can decide. */
    private final RevontWebhooks receiver = RevontWebhooks.builder()
            .secrets(List.of(CURRENT, PREVIOUS))
            .tolerance(TimestampTolerance.DEFAULT.withPast(Duration.ofDays(1)))
            .clock(Clock.fixed(Instant.parse("2024-09-16T00:00:00Z"), ZoneOffset.UTC))
            .bodyLimit(BodyLimit.ofBytes(4096))
            .build();

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
        List<byte[]> bodies = List.of(
                GUIDE_EXAMPLE,
                envelope("call.started", "2024-09-15T14:32:00Z", "{\"call_id\":\"call_1\",\"rep_id\":\"u1\"}"),
                envelope("call.ended", "2024-09-15T16:32:00+02:00", "{\"call_id\":\"call_1\",\"duration_seconds\":60}"),
                envelope("action_item.created", "2024-09-15T14:40:00Z", "{\"call_id\":\"call_2\",\"item\":{\"text\":\"send deck\"}}"),
                envelope("action_item.completed", "2024-09-15T15:00:00Z", "{\"call_id\":null}"),
                envelope("call.transferred", "2024-09-15T14:32:00Z", "{\"to\":\"rep_2\"}"),
                envelope("summary.ready", "2024-09-15T14:32:00Z", "{\"coaching_score\":\"high\"}"),
                envelope("call.ended", "2024-09-15T14:32:00Z", "{\"call_id\":42}"),
                envelope("call.ended", "2024-09-01T00:00:00Z", "{}"),
                envelope("call.ended", "yesterday", "{}"),
                utf8("{\"event\":\"call.ended\",\"event\":\"call.started\"}"),
                utf8("not json"),
                utf8("{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{}} {}"),
                new byte[4097]);
        List<WebhookRequest> requests = new ArrayList<>();
        for (byte[] body : bodies) {
            String signature = SIGNER.signatureHeader(body);
            requests.add(SIGNER.sign(body));
            requests.add(RevontSigner.of(PREVIOUS).sign(body));
            requests.add(withSignature(body, "sha256=" + signature.substring(7).toUpperCase(Locale.ROOT)));
            requests.add(RevontSigner.of(Secret.of("whsec_someone-else")).sign(body));
            if (body.length > 0) {
                requests.add(withSignature(flipBit(body, body.length / 2 * 8), signature));
            }
            requests.add(withSignature(body, signature.replace("sha256=", "sha1=")));
            requests.add(WebhookRequest.builder(body).header(HEADER, signature).header(HEADER, signature).build());
            requests.add(WebhookRequest.builder(body).build());
        }
        return requests;
    }

    private static WebhookRequest withSignature(byte[] body, String value) {
        return WebhookRequest.builder(body).header(HEADER, value).build();
    }
}
