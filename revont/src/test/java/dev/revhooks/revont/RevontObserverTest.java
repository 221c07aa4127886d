package dev.revhooks.revont;

import static dev.revhooks.revont.Fixtures.EXAMPLE_SECRET;
import static dev.revhooks.revont.Fixtures.GUIDE_EXAMPLE;
import static dev.revhooks.revont.Fixtures.SIGNER;
import static dev.revhooks.revont.Fixtures.envelope;
import static dev.revhooks.revont.Fixtures.utf8;

import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.signature.TimestampTolerance;
import dev.revhooks.core.testing.ObserverContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way a Revont delivery ends reaches the observer exactly once; a throwing observer changes nothing. */
class RevontObserverTest {

    private static final Clock LATER = Clock.fixed(Instant.parse("2024-09-16T14:32:00Z"), ZoneOffset.UTC);

    private final ObserverContract contract = new ObserverContract(observer -> RevontWebhooks.builder()
            .secret(EXAMPLE_SECRET).clock(LATER).observer(observer).build());

    @Test
    void anAcceptedDeliveryReportsTheVerifiedSecretAndTheEventTypeConstant() {
        contract.assertObserved(SIGNER.sign(GUIDE_EXAMPLE), "verified HMAC_SIGNATURE secret-1", "accepted SUMMARY_READY");
    }

    @Test
    void anUnlistedEventTypeIsReportedAsUnknownNeverAsTheWireString() {
        contract.assertObserved(SIGNER.sign(envelope("attacker.chosen.1", "2024-09-15T14:32:00Z", "{}")),
                "verified HMAC_SIGNATURE secret-1", "accepted UNKNOWN");
    }

    @Test
    void rejectionsReportTheirReason() {
        contract.assertObserved(WebhookRequest.of(GUIDE_EXAMPLE, Map.of()), "rejected MISSING_SIGNATURE");
        contract.assertObserved(RevontSigner.of(Secret.of("whsec_other")).sign(GUIDE_EXAMPLE), "rejected SIGNATURE_MISMATCH");
        contract.assertObserved(WebhookRequest.of(GUIDE_EXAMPLE, Map.of(RevontWebhooks.SIGNATURE_HEADER, "md5=00")),
                "rejected MALFORMED_SIGNATURE");
    }

    @Test
    void anUnparseableAuthenticBodyIsReportedAfterVerification() {
        contract.assertObserved(SIGNER.sign(utf8("not json")), "verified HMAC_SIGNATURE secret-1", "unparseable");
    }

    @Test
    void aMaximumEventAgeRejectionAfterParsingIsReportedAsRejected() {
        new ObserverContract(observer -> RevontWebhooks.builder().secret(EXAMPLE_SECRET).clock(LATER)
                .tolerance(TimestampTolerance.DEFAULT).observer(observer).build())
                .assertObserved(SIGNER.sign(GUIDE_EXAMPLE), "verified HMAC_SIGNATURE secret-1",
                        "rejected TIMESTAMP_OUT_OF_TOLERANCE");
    }

    @Test
    void theSharedLimitsRejectBeforeVerification() {
        new ObserverContract(observer -> RevontWebhooks.builder().secret(EXAMPLE_SECRET)
                .bodyLimit(BodyLimit.ofBytes(GUIDE_EXAMPLE.length - 1)).observer(observer).build())
                .assertObserved(SIGNER.sign(GUIDE_EXAMPLE), "rejected PAYLOAD_TOO_LARGE");
        new ObserverContract(observer -> RevontWebhooks.builder().secret(EXAMPLE_SECRET)
                .headerLimit(HeaderLimit.ofChars(70)).observer(observer).build())
                .assertObserved(SIGNER.sign(GUIDE_EXAMPLE), "rejected HEADER_TOO_LARGE");
        new ObserverContract(observer -> RevontWebhooks.builder().secret(EXAMPLE_SECRET)
                .headerLimit(HeaderLimit.ofChars(71)).observer(observer).build())
                .assertObserved(SIGNER.sign(GUIDE_EXAMPLE), "verified HMAC_SIGNATURE secret-1", "accepted SUMMARY_READY");
    }
}
