package dev.revhooks.revdesk;

import static dev.revhooks.core.testing.ByteGen.utf8;
import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.OUTBOUND_SMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.testing.ConcurrencyHarness;
import dev.revhooks.core.testing.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        ConcurrencyHarness<Delivery> harness = ConcurrencyHarness.of(deliveries(),
                delivery -> Verdict.of(delivery.request(), () -> receiver.receive(delivery.type(), delivery.request())));
        assertThat(harness.expected()).extracting(Verdict::outcome)
                .anyMatch(o -> o.startsWith("accepted HMAC_SIGNATURE current revdesk:number_purchased:"))
                .anyMatch(o -> o.startsWith("accepted HMAC_SIGNATURE previous"))
                .anyMatch(o -> o.startsWith("accepted REQUEST_GUARDS null revdesk:call_voicemail:"))
                .anyMatch(o -> o.startsWith("payload error"))
                .anyMatch(o -> o.equals("rejected SIGNATURE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected EVENT_TYPE_MISMATCH"))
                .anyMatch(o -> o.equals("rejected REQUEST_GUARD_FAILED"));
        harness.assertThreadsAgree(THREADS, DELIVERIES_PER_THREAD);
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
}
