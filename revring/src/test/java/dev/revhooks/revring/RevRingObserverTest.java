package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.COMPLETED;
import static dev.revhooks.revring.Fixtures.KEY;
import static dev.revhooks.revring.Fixtures.PRE_CALL;
import static dev.revhooks.revring.Fixtures.SIGNER;
import static dev.revhooks.revring.Fixtures.resource;

import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.guard.PathTokenGuard;
import dev.revhooks.core.testing.ObserverContract;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a RevRing delivery ends reaches the observer exactly once; a throwing observer changes nothing. */
class RevRingObserverTest {

    private final ObserverContract contract = new ObserverContract(observer -> RevRingWebhooks.builder()
            .apiKey(KEY).observer(observer).build());

    @Test
    void acceptedDeliveriesReportTheKeyAndTheEventTypeConstant() {
        contract.assertObserved(SIGNER.request(resource(COMPLETED)), "verified SHARED_KEY current", "accepted POST_CALL");
        contract.assertObserved(SIGNER.request(resource(PRE_CALL)), "verified SHARED_KEY current", "accepted PRE_CALL");
        contract.assertObserved(SIGNER.request(utf8("{\"event\":\"attacker.chosen.1\"}")),
                "verified SHARED_KEY current", "accepted UNKNOWN");
    }

    @Test
    void rejectionsReportTheirReasonIncludingAServedTypeMismatchAfterParsing() {
        contract.assertObserved(WebhookRequest.of(resource(COMPLETED), Map.of()), "rejected MISSING_SIGNATURE");
        contract.assertObserved(RevRingSigner.of(Secret.of("guess")).request(resource(COMPLETED)), "rejected SIGNATURE_MISMATCH");
        new ObserverContract(observer -> RevRingWebhooks.builder().apiKey(KEY).serving(RevRingEventType.PRE_CALL)
                .observer(observer).build())
                .assertObserved(SIGNER.request(resource(COMPLETED)), "verified SHARED_KEY current", "rejected EVENT_TYPE_MISMATCH");
        new ObserverContract(observer -> RevRingWebhooks.builder().apiKey(KEY).headerLimit(HeaderLimit.ofChars(8))
                .observer(observer).build())
                .assertObserved(SIGNER.request(resource(COMPLETED)), "rejected HEADER_TOO_LARGE");
        new ObserverContract(observer -> RevRingWebhooks.builder().requestGuard(PathTokenGuard.lastPathSegment(
                Secret.of("path-token-value-1"))).dangerouslyAuthenticateWithRequestGuardsOnly().observer(observer).build())
                .assertObserved(SIGNER.request(resource(COMPLETED)), "rejected REQUEST_GUARD_FAILED");
    }

    @Test
    void anUnparseableAuthenticBodyIsReportedAfterVerification() {
        contract.assertObserved(SIGNER.request(utf8("{\"event\":1}")), "verified SHARED_KEY current", "unparseable");
        contract.assertObserved(SIGNER.request(utf8("{\"event\":\"pre_call\"}")), "verified SHARED_KEY current", "unparseable");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
