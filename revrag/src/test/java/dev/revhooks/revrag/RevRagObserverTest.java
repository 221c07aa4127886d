package dev.revhooks.revrag;

import static dev.revhooks.revrag.Fixtures.CLOCK;
import static dev.revhooks.revrag.Fixtures.NOW;
import static dev.revhooks.revrag.Fixtures.SECRET;
import static dev.revhooks.revrag.Fixtures.SIGNER;
import static dev.revhooks.revrag.Fixtures.exampleBody;
import static dev.revhooks.revrag.Fixtures.utf8;

import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.testing.ObserverContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a RevRag delivery ends reaches the observer exactly once; a throwing observer changes nothing. */
class RevRagObserverTest {

    private final ObserverContract contract = new ObserverContract(observer -> RevRagWebhooks.builder()
            .secret(SECRET).clock(CLOCK).observer(observer).build());

    @Test
    void anAcceptedDeliveryReportsTheVerifiedSecretAndTheEventTypeConstant() {
        contract.assertObserved(SIGNER.sign(exampleBody(), NOW, "call.ended", "evt_1"),
                "verified HMAC_SIGNATURE current", "accepted CALL_ENDED");
        contract.assertObserved(SIGNER.sign(utf8("{}"), NOW, "attacker.chosen.1", "evt_2"),
                "verified HMAC_SIGNATURE current", "accepted UNKNOWN");
    }

    @Test
    void rejectionsReportTheirReasonIncludingAStaleTimestamp() {
        contract.assertObserved(WebhookRequest.of(exampleBody(), Map.of()), "rejected MISSING_SIGNATURE");
        contract.assertObserved(RevRagSigner.of(Secret.of("other")).sign(exampleBody(), NOW), "rejected SIGNATURE_MISMATCH");
        contract.assertObserved(SIGNER.sign(exampleBody(), NOW.minus(Duration.ofHours(1))),
                "rejected TIMESTAMP_OUT_OF_TOLERANCE");
        new ObserverContract(observer -> RevRagWebhooks.builder().secret(SECRET).clock(CLOCK)
                .headerLimit(HeaderLimit.ofChars(16)).observer(observer).build())
                .assertObserved(SIGNER.sign(exampleBody(), NOW), "rejected HEADER_TOO_LARGE");
    }

    @Test
    void anUnparseableAuthenticBodyIsReportedAfterVerification() {
        contract.assertObserved(SIGNER.sign(utf8("[1]"), NOW, "call.ended", "evt_3"),
                "verified HMAC_SIGNATURE current", "unparseable");
    }
}
