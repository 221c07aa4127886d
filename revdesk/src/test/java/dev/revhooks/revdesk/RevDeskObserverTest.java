package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.CALL_DISPOSITION;
import static dev.revhooks.revdesk.Fixtures.NUMBER_LIFECYCLE;
import static dev.revhooks.revdesk.Fixtures.SECRET;
import static dev.revhooks.revdesk.Fixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.Secret;
import dev.revhooks.core.testing.ObserverContract;
import dev.revhooks.core.testing.RecordingObserver;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every way a RevDesk delivery ends reaches the observer exactly once; a throwing observer changes nothing. */
class RevDeskObserverTest {

    private static ObserverContract subscribedTo(RevDeskEventType type) {
        return new ObserverContract(observer -> RevDeskWebhooks.builder().subscribedTo(type).secret(SECRET)
                .acceptUnauthenticatedUnsignedEvents().observer(observer).build());
    }

    @Test
    void acceptedDeliveriesReportHowTheyWereAuthenticatedAndTheEventTypeConstant() {
        subscribedTo(RevDeskEventType.NUMBER_PURCHASED).assertObserved(SIGNER.request(NUMBER_LIFECYCLE),
                "verified HMAC_SIGNATURE current", "accepted NUMBER_PURCHASED");
        subscribedTo(RevDeskEventType.CALL_BUSY).assertObserved(RevDeskSigner.unsignedRequest(CALL_DISPOSITION),
                "verified NONE null", "accepted CALL_BUSY");
    }

    @Test
    void rejectionsReportTheirReasonIncludingATriggerEventMismatchAfterParsing() {
        subscribedTo(RevDeskEventType.NUMBER_PURCHASED).assertObserved(RevDeskSigner.unsignedRequest(NUMBER_LIFECYCLE),
                "rejected MISSING_SIGNATURE");
        subscribedTo(RevDeskEventType.NUMBER_PURCHASED).assertObserved(
                RevDeskSigner.of(Secret.of("other")).request(NUMBER_LIFECYCLE), "rejected SIGNATURE_MISMATCH");
        subscribedTo(RevDeskEventType.NUMBER_PURCHASED).assertObserved(
                RevDeskSigner.withoutSigningSecret().request(NUMBER_LIFECYCLE), "rejected NO_SECRET_CONFIGURED_AT_SENDER");
        subscribedTo(RevDeskEventType.NUMBER_RELEASED).assertObserved(SIGNER.request(NUMBER_LIFECYCLE),
                "verified HMAC_SIGNATURE current", "rejected EVENT_TYPE_MISMATCH");
        new ObserverContract(observer -> RevDeskWebhooks.builder().subscribedTo(RevDeskEventType.NUMBER_PURCHASED)
                .secret(SECRET).headerLimit(HeaderLimit.ofChars(63)).observer(observer).build())
                .assertObserved(SIGNER.request(NUMBER_LIFECYCLE), "rejected HEADER_TOO_LARGE");
    }

    @Test
    void anUnparseableAuthenticBodyIsReportedAfterVerification() {
        subscribedTo(RevDeskEventType.CALL_BUSY).assertObserved(
                RevDeskSigner.unsignedRequest("[]".getBytes(StandardCharsets.UTF_8)), "verified NONE null", "unparseable");
    }

    @Test
    void aCallerErrorBeforeReceivingStartsNoObservation() {
        RecordingObserver observer = new RecordingObserver();
        RevDeskWebhooks receiver = RevDeskWebhooks.builder().secret(SECRET).observer(observer).build();
        assertThatThrownBy(() -> receiver.receive(RevDeskEventType.UNKNOWN, SIGNER.request(NUMBER_LIFECYCLE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receiver.verify(RevDeskEventType.UNKNOWN, SIGNER.request(NUMBER_LIFECYCLE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN");
        assertThat(observer.started()).isZero();
    }
}
